-- Creates this node's two databases, each owned by its own login role, the first time the Postgres
-- container starts on an empty data volume (the official image runs /docker-entrypoint-initdb.d/*.sql
-- once, through psql with ON_ERROR_STOP). Later changes to NODE_ID or to the passwords are NOT
-- applied by this script: see deploy/README.md.
--
-- Everything comes from the container's environment, so no value is written in this file:
--   PASSAGE_NODE_ID         the node id; databases are passage_<node>_identity and passage_<node>_referrals
--   IDENTITY_DB_PASSWORD    password of the role passage_identity
--   REFERRALS_DB_PASSWORD   password of the role passage_referrals
--
-- The checks below fail through statements that carry no password: a server with default settings
-- logs the text of a failing statement (compose.yaml also turns that off), and a password must never
-- end up in a log.

\getenv node_id PASSAGE_NODE_ID
\getenv identity_password IDENTITY_DB_PASSWORD
\getenv referrals_password REFERRALS_DB_PASSWORD

-- Checked here as well as by the services, because a bad value would otherwise only show up as a
-- database that the services cannot find.
SELECT coalesce(:'node_id' ~ '^[a-z][a-z0-9-]{0,30}$', false) AS node_id_ok \gset
\if :node_id_ok
\else
  DO $$ BEGIN RAISE EXCEPTION 'PASSAGE_NODE_ID must be a lower-case letter, then up to 30 lower-case letters, digits or dashes'; END $$;
\endif

-- The passwords travel inside postgres:// URLs (DATABASE_URL), so only URL-safe characters are
-- accepted, and at least 24 of them.
SELECT coalesce(:'identity_password' ~ '^[A-Za-z0-9._~-]{24,}$', false) AS identity_password_ok,
       coalesce(:'referrals_password' ~ '^[A-Za-z0-9._~-]{24,}$', false) AS referrals_password_ok \gset
\if :identity_password_ok
\else
  DO $$ BEGIN RAISE EXCEPTION 'IDENTITY_DB_PASSWORD must be at least 24 characters of A-Z a-z 0-9 . _ ~ - (openssl rand -hex 32)'; END $$;
\endif
\if :referrals_password_ok
\else
  DO $$ BEGIN RAISE EXCEPTION 'REFERRALS_DB_PASSWORD must be at least 24 characters of A-Z a-z 0-9 . _ ~ - (openssl rand -hex 32)'; END $$;
\endif

SELECT format('passage_%s_identity', :'node_id') AS identity_db,
       format('passage_%s_referrals', :'node_id') AS referrals_db \gset

-- One role per service: a service can neither read nor change the other's database.
CREATE ROLE passage_identity LOGIN PASSWORD :'identity_password';
CREATE ROLE passage_referrals LOGIN PASSWORD :'referrals_password';

CREATE DATABASE :"identity_db" OWNER passage_identity ENCODING 'UTF8' TEMPLATE template0;
CREATE DATABASE :"referrals_db" OWNER passage_referrals ENCODING 'UTF8' TEMPLATE template0;

-- PUBLIC may connect to a new database by default; only its owner (and the superuser) may here.
REVOKE ALL ON DATABASE :"identity_db" FROM PUBLIC;
REVOKE ALL ON DATABASE :"referrals_db" FROM PUBLIC;
