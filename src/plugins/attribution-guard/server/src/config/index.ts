export default {
  default: {},
  validator: () => {},
};
