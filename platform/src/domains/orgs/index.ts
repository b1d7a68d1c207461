export { ORG_NAME_MAX, type Org, type OrgMember, OrgsService } from './service';
