// `deployments.*`: what is live, the history, the pre-flight check, deploy and rollback.
import {
  currentDeploymentsInput,
  deployCheckInput,
  deployInput,
  deploymentHistoryInput,
  rollbackInput,
} from '../../../shared/index.ts';
import { currentDeployments } from '../../deployments/current-deployments.ts';
import { checkDeploy, deployVersion, rollback } from '../../deployments/deploy.ts';
import { deploymentHistory } from '../../deployments/deployment-history.ts';
import { DEPLOYERS, STUDIO_READERS, acting } from '../access.ts';
import { unwrap } from '../failure-error.ts';
import { requireRoles, router } from '../trpc.ts';

const reader = requireRoles(...STUDIO_READERS);
const deployer = requireRoles(...DEPLOYERS);

export const deploymentsRouter = router({
  /** The live deployment per flow and environment. */
  current: reader.input(currentDeploymentsInput).query(async ({ ctx, input }) => {
    const live = await currentDeployments(ctx.deps.db, input.flowId);
    return deploymentHistory(ctx.deps.db, { ids: live.map((d) => d.id), limit: 1000 });
  }),
  history: reader.input(deploymentHistoryInput).query(({ ctx, input }) => deploymentHistory(ctx.deps.db, input)),
  /** Whether a deploy would be allowed, and why not — for the editor to explain before the click. */
  check: reader.input(deployCheckInput).query(async ({ ctx, input }) => unwrap(await checkDeploy(ctx.deps.db, input))),
  /** 412 with `data.reasons` when the deploy gate says no. */
  deploy: deployer.input(deployInput).mutation(async ({ ctx, input }) => unwrap(await deployVersion(ctx.deps.db, { ...input, ...acting(ctx) }))),
  rollback: deployer.input(rollbackInput).mutation(async ({ ctx, input }) => unwrap(await rollback(ctx.deps.db, { ...input, ...acting(ctx) }))),
});
