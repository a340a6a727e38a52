import {
  defaultPreparationTemplate,
  type PreparationStep,
  type PreparationTemplate,
  type RuleSetId,
  type TemplateError,
  templateRuleErrors,
  validateTemplate,
} from '@daihoi/core';
import { and, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import { recordAudit } from '../../audit/service.js';
import { can } from '../../auth/policy.js';
import type { DbOrTx, Tx } from '../../db/client.js';
import { newId } from '../../db/columns.js';
import { inTransaction } from '../../db/tx.js';
import type { Ctx } from '../../http/context.js';
import { AppError, badRequest, forbidden, notFound, versionConflict } from '../../http/errors.js';
import { notify } from '../notifications/service.js';
import { findVisible } from '../organizations/service.js';
import { organizations } from '../organizations/tables.js';
import { ruleSetOf } from './rules.js';
import type { PublishTemplateInput, PutTemplateInput } from './schema.js';
import { congressTemplates, type StoredTemplate } from './tables.js';
import { syncPlansToTemplate } from './template-sync.js';

const ct = congressTemplates;
const o = organizations;

type Organization = { id: string; name: string; path: string };
type TemplateRow = typeof ct.$inferSelect;

/** The template plans follow, and which committee published it (null: the shipped one). */
export interface EffectiveTemplate {
  template: PreparationTemplate;
  organization: { id: string; name: string } | null;
  publishedAt: Date | null;
}

const asTemplate = (ruleSetId: RuleSetId, id: string, stored: StoredTemplate): PreparationTemplate => ({
  id,
  nameVi: stored.nameVi,
  ruleSetId,
  steps: stored.steps,
});

/**
 * The template for plans of `org`'s subtree: the published one of the nearest committee on its path
 * (the organization itself when `withSelf`, as for its dashboard; only those above it for its own plan,
 * as a committee does not set its own preparation), else the shipped template of the rule set.
 */
export async function effectiveTemplate(
  db: DbOrTx,
  org: { id: string; path: string },
  ruleSetId: RuleSetId,
  withSelf: boolean,
): Promise<EffectiveTemplate> {
  const lineage = org.path.split('/').filter((id) => id && (withSelf || id !== org.id));
  const [row] =
    lineage.length === 0
      ? []
      : await db
          .select({ t: ct, name: o.name })
          .from(ct)
          .innerJoin(o, eq(o.id, ct.organizationId))
          .where(
            and(inArray(ct.organizationId, lineage), eq(ct.ruleSetId, ruleSetId), isNotNull(ct.published)),
          )
          .orderBy(desc(o.depth))
          .limit(1);
  if (!row?.t.published)
    return { template: defaultPreparationTemplate(ruleSetId), organization: null, publishedAt: null };
  return {
    template: asTemplate(ruleSetId, row.t.id, row.t.published),
    organization: { id: row.t.organizationId, name: row.name },
    publishedAt: row.t.publishedAt,
  };
}

async function ownOf(db: DbOrTx, organizationId: string, ruleSetId: string, lock = false) {
  const query = db
    .select()
    .from(ct)
    .where(and(eq(ct.organizationId, organizationId), eq(ct.ruleSetId, ruleSetId)));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

const storedOut = (stored: StoredTemplate | null) =>
  stored
    ? { nameVi: stored.nameVi, sourceDocument: stored.sourceDocument ?? null, steps: stored.steps }
    : null;

/**
 * GET /organizations/{id}/congress-template: what the committee's subtree follows now (its own published
 * template, or the one it inherits), what it inherits from above, and its own draft and published version.
 */
export async function getTemplate(ctx: Ctx, organizationId: string, ruleSetId: string) {
  const org = await findVisible(ctx.db, ctx.actor, organizationId);
  return presentTemplate(ctx.db, ctx, org, ruleSetId);
}

async function presentTemplate(db: DbOrTx, ctx: Ctx, org: Organization, ruleSetId: string) {
  const ruleSet = ruleSetOf(ruleSetId);
  const inherited = await effectiveTemplate(db, org, ruleSet.id, false);
  const own = await ownOf(db, org.id, ruleSet.id);
  return {
    ruleSet: { id: ruleSet.id, name: ruleSet.name },
    organization: { id: org.id, name: org.name },
    inherited: {
      nameVi: inherited.template.nameVi,
      organization: inherited.organization,
      publishedAt: inherited.publishedAt?.toISOString() ?? null,
      steps: [...inherited.template.steps],
    },
    own: own
      ? {
          draft: storedOut(own.draft),
          published: storedOut(own.published),
          publishedAt: own.publishedAt?.toISOString() ?? null,
          version: own.version,
        }
      : null,
    abilities: { edit: can(ctx.actor, 'congress.manage', org) },
  };
}

/** The steps as stored: blank notes and submissions dropped, so the JSON holds only what was said. */
function storedSteps(steps: PutTemplateInput['steps']): PreparationStep[] {
  return steps.map(({ noteVi, submission, ...step }) => ({
    ...step,
    ...(submission ? { submission: submission as PreparationStep['submission'] } : {}),
    ...(noteVi ? { noteVi } : {}),
    owner: step.owner as PreparationStep['owner'],
  }));
}

function templateError(errors: TemplateError[]): AppError {
  return new AppError(
    400,
    'CONGRESS_TEMPLATE_INVALID',
    errors.map((e) => ({
      path: e.stepIndex === undefined ? 'body' : `body.steps.${e.stepIndex}`,
      code: e.code,
      message: e.message,
    })),
    errors[0]!.message,
  );
}

/** core's checks: the template can be scheduled, and keeps the announcement the rules require. */
function checkTemplate(template: PreparationTemplate) {
  const errors = validateTemplate(template);
  if (errors.length === 0) errors.push(...templateRuleErrors(template));
  if (errors.length > 0) throw templateError(errors);
}

async function audit(ctx: Ctx, tx: Tx, org: Organization, action: string, before: unknown, after: unknown) {
  await recordAudit(
    tx,
    ctx.actor,
    { action, entity: 'congress_template', entityId: org.id, organizationId: org.id, before, after },
    ctx.clock.now(),
  );
}

/** The organization, readable (404 otherwise) and managed by the actor (403 otherwise). */
async function managed(ctx: Ctx, organizationId: string) {
  const org = await findVisible(ctx.db, ctx.actor, organizationId);
  if (!can(ctx.actor, 'congress.manage', org)) throw forbidden();
  return org;
}

/**
 * PUT /organizations/{id}/congress-template: saves the committee's draft. Nothing below it changes until
 * the draft is published. A template core refuses is a 400 naming each step, and nothing is written.
 */
export async function saveTemplateDraft(ctx: Ctx, organizationId: string, input: PutTemplateInput) {
  const org = await managed(ctx, organizationId);
  const ruleSet = ruleSetOf(input.ruleSetId);
  const draft: StoredTemplate = {
    nameVi: input.nameVi,
    ...(input.sourceDocument ? { sourceDocument: input.sourceDocument } : {}),
    steps: storedSteps(input.steps),
  };
  checkTemplate(asTemplate(ruleSet.id, 'draft', draft));
  return inTransaction(ctx.db, async (tx) => {
    const own = await ownOf(tx, org.id, ruleSet.id, true);
    if (own ? own.version !== input.version : input.version !== undefined)
      throw versionConflict(own?.version ?? 0);
    const now = ctx.clock.now();
    if (own)
      await tx
        .update(ct)
        .set({ draft, version: own.version + 1, updatedAt: now })
        .where(eq(ct.id, own.id));
    else
      await tx.insert(ct).values({
        id: newId(),
        organizationId: org.id,
        ruleSetId: ruleSet.id,
        draft,
        createdAt: now,
        updatedAt: now,
      });
    await audit(ctx, tx, org, 'congress.template.save', own?.draft ?? null, {
      ruleSetId: ruleSet.id,
      ...draft,
    });
    return presentTemplate(tx, ctx, org, ruleSet.id);
  });
}

/** The committee's row at the version the client saw: 404 when it has none, 409 when it moved on. */
async function current(tx: Tx, org: Organization, ruleSetId: string, version: number): Promise<TemplateRow> {
  const own = await ownOf(tx, org.id, ruleSetId, true);
  if (!own) throw notFound('CONGRESS_TEMPLATE_NOT_FOUND');
  if (own.version !== version) throw versionConflict(own.version);
  return own;
}

/** The secretaries and offices of the organizations right below: their plans take the new steps. */
async function tellSubtree(tx: Tx, ctx: Ctx, org: Organization, title: string) {
  const children = await tx.select({ id: o.id }).from(o).where(eq(o.parentId, org.id));
  for (const child of children)
    for (const role of ['secretary', 'office'] as const)
      await notify(
        tx,
        {
          role,
          organizationId: child.id,
          exactOrganization: true,
          excludeUserIds: [ctx.actor.userId],
          kind: 'congress.template',
          title,
          link: '/congress-plans',
        },
        ctx.clock.now(),
      );
}

/**
 * POST /organizations/{id}/congress-template/publish: the draft becomes the template of the subtree.
 * Plans adopted from now on take its steps; plans adopted before keep theirs unless `applyToPlans`, which
 * brings those still in preparation to the new steps (syncPlansToTemplate).
 */
export async function publishTemplate(ctx: Ctx, organizationId: string, input: PublishTemplateInput) {
  const { ruleSetId, version, applyToPlans } = input;
  const org = await managed(ctx, organizationId);
  const ruleSet = ruleSetOf(ruleSetId);
  return inTransaction(ctx.db, async (tx) => {
    const own = await current(tx, org, ruleSet.id, version);
    if (!own.draft) throw badRequest('CONGRESS_TEMPLATE_NO_DRAFT');
    checkTemplate(asTemplate(ruleSet.id, own.id, own.draft));
    const now = ctx.clock.now();
    await tx
      .update(ct)
      .set({
        published: own.draft,
        draft: null,
        publishedAt: now,
        publishedBy: ctx.actor.userId,
        version: own.version + 1,
        updatedAt: now,
      })
      .where(eq(ct.id, own.id));
    await audit(ctx, tx, org, 'congress.template.publish', own.published, {
      ruleSetId: ruleSet.id,
      ...own.draft,
    });
    await tellSubtree(
      tx,
      ctx,
      org,
      `${org.name} đã công bố mẫu các bước chuẩn bị đại hội: ${own.draft.nameVi}`,
    );
    const applied = applyToPlans
      ? await syncPlansToTemplate(tx, ctx.actor, org, asTemplate(ruleSet.id, own.id, own.draft), {
          now,
          today: ctx.clock.today(),
        })
      : null;
    return { ...(await presentTemplate(tx, ctx, org, ruleSet.id)), applied };
  });
}

/** DELETE /organizations/{id}/congress-template/draft: the draft is dropped; the published version stays. */
export async function discardTemplateDraft(
  ctx: Ctx,
  organizationId: string,
  ruleSetId: string,
  version: number,
) {
  const org = await managed(ctx, organizationId);
  const ruleSet = ruleSetOf(ruleSetId);
  return inTransaction(ctx.db, async (tx) => {
    const own = await current(tx, org, ruleSet.id, version);
    if (!own.draft) throw badRequest('CONGRESS_TEMPLATE_NO_DRAFT');
    if (own.published)
      await tx
        .update(ct)
        .set({ draft: null, version: own.version + 1, updatedAt: ctx.clock.now() })
        .where(eq(ct.id, own.id));
    else await tx.delete(ct).where(eq(ct.id, own.id));
    await audit(ctx, tx, org, 'congress.template.discard', own.draft, null);
    return presentTemplate(tx, ctx, org, ruleSet.id);
  });
}

/**
 * DELETE /organizations/{id}/congress-template: the committee gives up its own template, draft and
 * published; its subtree follows the one it inherits again.
 */
export async function withdrawTemplate(ctx: Ctx, organizationId: string, ruleSetId: string, version: number) {
  const org = await managed(ctx, organizationId);
  const ruleSet = ruleSetOf(ruleSetId);
  return inTransaction(ctx.db, async (tx) => {
    const own = await current(tx, org, ruleSet.id, version);
    await tx.delete(ct).where(eq(ct.id, own.id));
    await audit(
      ctx,
      tx,
      org,
      'congress.template.withdraw',
      { draft: own.draft, published: own.published },
      null,
    );
    if (own.published)
      await tellSubtree(
        tx,
        ctx,
        org,
        `${org.name} đã bỏ mẫu các bước chuẩn bị đại hội riêng; áp dụng mẫu của cấp trên.`,
      );
    return presentTemplate(tx, ctx, org, ruleSet.id);
  });
}
