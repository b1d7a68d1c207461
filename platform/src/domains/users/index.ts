export { avatarSvg } from './avatar';
export { DISPLAY_NAME_MAX, type User, type UserIdentity, UsersService } from './service';
