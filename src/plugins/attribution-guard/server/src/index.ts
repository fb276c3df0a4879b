import register from './register';
import bootstrap from './bootstrap';
import destroy from './destroy';
import config from './config';

export default {
  register,
  bootstrap,
  destroy,
  config,
  contentTypes: {},
  controllers: {},
  routes: {},
  services: {},
  policies: {},
  middlewares: {},
};
