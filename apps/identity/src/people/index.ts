export { UserAccountEntity } from './entities/user-account.entity.js';
export { UserModel, toUserModel } from './graphql/user.model.js';
export { PeopleModule } from './people.module.js';
export { UserService } from './user.service.js';
