export { selectFields, USER_FIELDS, type UserField } from './fields';
export { userInfoRoutes } from './routes';
