import { verifyAuditChain } from '../audit/service.js';
import { openForCli, runCli } from './open.js';

// npm run audit:verify — walks the whole audit chain; exit code 0 when intact, 1 when broken.
runCli(async () => {
  const { database, done } = await openForCli();
  try {
    const result = await verifyAuditChain(database.db);
    if (result.ok) {
      console.log(`Chuỗi nhật ký nguyên vẹn: ${result.events} sự kiện.`);
      return 0;
    }
    console.log(
      `Chuỗi nhật ký bị phá vỡ tại sự kiện số ${result.brokenAt.seq} (id ${result.brokenAt.id}); ` +
        `${result.events} sự kiện trước đó nguyên vẹn.`,
    );
    return 1;
  } finally {
    await done();
  }
});
