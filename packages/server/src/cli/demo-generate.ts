import { parseArgs } from 'node:util';
import { DatabaseNotEmptyError, generateDataset } from '../demo/generate.js';
import { openForCli, runCli } from './open.js';

const USAGE =
  'Cách dùng: npm run demo:generate -- --organizations <số tổ chức> --members <số đảng viên> [--seed <n>] [--append]';

const vi = (n: number) => n.toLocaleString('vi-VN');
const seconds = (ms: number) => `${(ms / 1000).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} giây`;

function count(value: string | undefined, min: number): number | null {
  if (value === undefined || !/^\d+$/.test(value)) return null;
  const n = Number(value);
  return Number.isSafeInteger(n) && n >= min ? n : null;
}

// npm run demo:generate -- --organizations 50000 --members 1000000: a synthetic country-sized dataset
// in the configured database (DATABASE_URL, or the embedded one in DATA_DIR).
runCli(async () => {
  const { values } = parseArgs({
    options: {
      organizations: { type: 'string' },
      members: { type: 'string' },
      seed: { type: 'string' },
      append: { type: 'boolean', default: false },
    },
  });
  const organizations = count(values.organizations, 10);
  const members = count(values.members, 0);
  const seed = values.seed === undefined ? 1 : count(values.seed, 0);
  if (organizations === null || members === null || seed === null) {
    console.error(USAGE);
    console.error('--organizations: ít nhất 10; --members, --seed: số nguyên không âm.');
    return 2;
  }
  const { database, done } = await openForCli();
  const where = database.kind === 'server' ? 'máy chủ PostgreSQL' : 'cơ sở dữ liệu nhúng (PGlite)';
  console.log(`Tạo dữ liệu mẫu: ${vi(organizations)} tổ chức đảng, ${vi(members)} đảng viên, vào ${where}.`);
  let lastPrinted = 0;
  try {
    const result = await generateDataset(database, {
      organizations,
      members,
      seed,
      append: values.append,
      onProgress: ({ table, done: written, total, ms }) => {
        if (written < total && ms - lastPrinted < 2000) return;
        lastPrinted = ms;
        const what = table === 'organizations' ? 'tổ chức đảng' : 'đảng viên';
        console.log(`  ${what}: ${vi(written)} / ${vi(total)} (${seconds(ms)})`);
      },
    });
    console.log(
      `Xong: ${vi(result.organizations)} tổ chức đảng (mã gốc ${result.rootCode}), ` +
        `${vi(result.members)} đảng viên trong ${seconds(result.ms)}.`,
    );
    return 0;
  } catch (err) {
    if (err instanceof DatabaseNotEmptyError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  } finally {
    await done();
  }
});
