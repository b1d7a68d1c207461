export { buildOpenApiDocument } from './document';
