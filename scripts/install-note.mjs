// Runs after `npm install`/`npm ci` (postinstall). npm runs the project's scripts on the Node.js of
// the `node` dev dependency (node_modules/.bin comes first on their PATH), so this prints that
// version; the Node.js that ran npm itself is in npm's user agent. Several dependencies declare
// `engines: node >= 22.12`, which made npm on Node 20 print dozens of EBADENGINE warnings although
// nothing of the project runs on that Node: .npmrc sets loglevel=error, and this one line says
// what is true instead.
const installer = /node\/v(\d+\.\d+\.\d+)/.exec(process.env.npm_config_user_agent ?? '')?.[1];
const runtime = process.versions.node;
if (installer && installer !== runtime)
  console.log(
    `Hjemvej: npm ran on Node.js ${installer}; the npm scripts run on Node.js ${runtime} from the "node" dev dependency (supported: npm on Node.js 20 or newer).`,
  );
