export default {
  rest: {
    defaultLimit: 25,
    // A silent cap surprises front ends; asking for more than this is refused with a 400 by the delivery routes.
    maxLimit: 100,
    withCount: true,
  },
};
