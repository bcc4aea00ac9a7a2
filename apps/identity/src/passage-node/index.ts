export { PassageNodeModule } from './passage-node.module.js';
