import { foldVietnamese, vietnameseTextSortKey } from '@daihoi/core';
import { count } from 'drizzle-orm';
import { recordAudit } from '../audit/service.js';
import { hashPassword } from '../auth/passwords.js';
import type { Db } from '../db/client.js';
import { newId } from '../db/columns.js';
import { inTransaction } from '../db/tx.js';
import { committeeTerms, organizations } from '../modules/organizations/tables.js';
import { roleAssignments, users } from '../modules/users/tables.js';
import { seedDemoCongress } from './congress.js';
import { demoAccounts, demoTree, flattenDemoTree } from './dataset.js';
import { seedDemoDocuments } from './documents.js';
import { seedDemoMembers } from './members.js';

/** Seeds the demo dataset into an empty database; a database that holds anything is left alone. */
export async function seedDemo(db: Db, password: string, now: Date): Promise<boolean> {
  const [orgs] = await db.select({ n: count() }).from(organizations);
  const [accounts] = await db.select({ n: count() }).from(users);
  if ((orgs?.n ?? 0) > 0 || (accounts?.n ?? 0) > 0) return false;
  const passwordHash = await hashPassword(password);
  await inTransaction(db, async (tx) => {
    const ids = new Map<string, { id: string; path: string }>();
    const rows = flattenDemoTree(demoTree).map(({ org, parentCode, depth }) => {
      const id = newId();
      const parent = parentCode ? ids.get(parentCode)! : null;
      const path = `${parent?.path ?? '/'}${id}/`;
      ids.set(org.code, { id, path });
      return {
        row: {
          id,
          parentId: parent?.id ?? null,
          path,
          depth,
          code: org.code,
          name: org.name,
          searchText: foldVietnamese(`${org.name} ${org.shortName ?? ''} ${org.code}`),
          sortKey: vietnameseTextSortKey(org.name),
          shortName: org.shortName,
          issuerCode: org.issuerCode,
          placeName: org.placeName,
          foundedOn: org.foundedOn,
          level: org.level,
          kind: org.kind,
        },
        terms: org.terms.map((t) => ({ organizationId: id, ...t })),
      };
    });
    for (let i = 0; i < rows.length; i += 200) {
      await tx.insert(organizations).values(rows.slice(i, i + 200).map((r) => r.row));
    }
    const terms = rows.flatMap((r) => r.terms);
    for (let i = 0; i < terms.length; i += 500)
      await tx.insert(committeeTerms).values(terms.slice(i, i + 500));
    for (const account of demoAccounts) {
      const [u] = await tx
        .insert(users)
        .values({
          username: account.username,
          displayName: account.displayName,
          searchText: foldVietnamese(`${account.displayName} ${account.username}`),
          passwordHash,
        })
        .returning({ id: users.id });
      await tx.insert(roleAssignments).values(
        account.roles.map((r) => ({
          userId: u!.id,
          role: r.role,
          organizationId: r.organizationCode ? ids.get(r.organizationCode)!.id : null,
        })),
      );
    }
    const people = await seedDemoMembers(tx, ids);
    const papers = await seedDemoDocuments(tx, ids);
    const congress = await seedDemoCongress(tx, ids);
    await recordAudit(
      tx,
      null,
      {
        action: 'demo.seed',
        entity: 'system',
        entityId: 'demo',
        organizationId: null,
        after: {
          organizations: rows.length,
          accounts: demoAccounts.length,
          members: people.members,
          ...papers,
          ...congress,
        },
      },
      now,
    );
  });
  return true;
}
