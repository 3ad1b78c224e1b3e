import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { EntityManager } from '@mikro-orm/knex';
import { z } from 'zod';
import { Role } from './role.js';
import { User } from './user.entity.js';
import { UserService } from './user.service.js';
import { randomPassword } from './token.js';

const DemoLogin = z.object({ email: z.string(), password: z.string() });
export type DemoLogin = z.infer<typeof DemoLogin>;

const DEMO_EMAIL = 'demo@cx-pulse.local';

/**
 * The demo's ADMIN user, created with the demo data. Its random password is kept in `file` (owner-only,
 * in the git-ignored data folder) so that later starts can print the login again; an existing file's
 * password is reused, so a re-seeded database keeps the login the user already knows.
 */
export async function createDemoLogin(em: EntityManager, file: string): Promise<DemoLogin> {
  const login = (await readDemoLogin(file)) ?? { email: DEMO_EMAIL, password: randomPassword() };
  if (!(await em.count(User, { email: login.email }))) {
    await new UserService(em).create({ ...login, name: 'Demo admin', role: Role.ADMIN });
  }
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(login, null, 2)}\n`, { mode: 0o600 });
  // writeFile's mode only applies to a new file.
  await chmod(file, 0o600);
  return login;
}

/** The demo login kept by an earlier start, or undefined. */
export async function readDemoLogin(file: string): Promise<DemoLogin | undefined> {
  const content = await readFile(file, 'utf8').catch(() => undefined);
  const parsed = content === undefined ? undefined : DemoLogin.safeParse(JSON.parse(content));
  return parsed?.success ? parsed.data : undefined;
}
