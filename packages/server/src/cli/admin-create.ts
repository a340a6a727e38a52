import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { inTransaction } from '../db/tx.js';
import { AppError } from '../http/errors.js';
import { createAdministrator } from '../modules/users/service.js';
import { openForCli, runCli } from './open.js';

/** The password from a prompt (hidden) on a terminal, or the first line of standard input otherwise. */
async function readPassword(): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  if (process.stdin.isTTY) {
    process.stdout.write('Mật khẩu: ');
    // Hide what is typed: readline echoes through _writeToOutput.
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => {};
  }
  const line = await new Promise<string>((resolve) => {
    rl.once('line', resolve);
    rl.once('close', () => resolve(''));
  });
  rl.close();
  if (process.stdin.isTTY) process.stdout.write('\n');
  return line.replace(/\r$/, '');
}

// npm run admin:create -- --username U [--display-name "…"]: the first administrator of a production start.
runCli(async () => {
  const { values } = parseArgs({
    options: { username: { type: 'string' }, 'display-name': { type: 'string' } },
  });
  if (!values.username) {
    console.error(
      'Cách dùng: npm run admin:create -- --username <tên đăng nhập> [--display-name "<họ tên>"]',
    );
    return 2;
  }
  const password = await readPassword();
  const { database, config, done } = await openForCli();
  try {
    const user = await inTransaction(database.db, (tx) =>
      createAdministrator(
        tx,
        { username: values.username!, displayName: values['display-name'] ?? 'Quản trị hệ thống', password },
        config.clock.now(),
      ),
    );
    console.log(`Đã tạo tài khoản quản trị "${user.username}".`);
    return 0;
  } catch (err) {
    if (err instanceof AppError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  } finally {
    await done();
  }
});
