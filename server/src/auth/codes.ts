import type { Ctx } from '../context.ts';
import { addSeconds } from '../clock.ts';
import { newCode, newId, sha256 } from '../ids.ts';

export type CodePurpose = 'reset' | 'activation';

export const resetCodeSeconds = 30 * 60;
export const activationCodeSeconds = 14 * 24 * 3600;

/** Codes are compared case-insensitively and without spaces (they are typed from an email). */
const normalize = (code: string): string => code.replace(/[\s-]/g, '').toUpperCase();

export async function createCode(
  ctx: Pick<Ctx, 'db' | 'clock'>,
  input: { userId: string; organizationId: string; purpose: CodePurpose; seconds: number; code?: string },
): Promise<string> {
  const now = ctx.clock();
  const code = input.code ?? newCode();
  await ctx.db('one_time_codes').insert({
    id: newId(now.getTime()),
    user_id: input.userId,
    organization_id: input.organizationId,
    purpose: input.purpose,
    code_hash: sha256(normalize(code)),
    created_at: now.toISOString(),
    expires_at: addSeconds(now, input.seconds).toISOString(),
  });
  return code;
}

export interface UsedCode {
  userId: string;
  organizationId: string;
}

/** Looks a code up without using it (the caller validates the new password first). */
export async function peekCode(ctx: Ctx, code: string, purpose: CodePurpose): Promise<(UsedCode & { id: string }) | null> {
  const row = await ctx
    .db('one_time_codes')
    .where({ code_hash: sha256(normalize(code)), purpose })
    .whereNull('used_at')
    .andWhere('expires_at', '>', ctx.clock().toISOString())
    .first();
  return row ? { id: row.id, userId: row.user_id, organizationId: row.organization_id } : null;
}

/** Marks the code used; false when another request was faster. */
export async function consumeCode(ctx: Ctx, id: string): Promise<boolean> {
  const n = await ctx.db('one_time_codes').where({ id }).whereNull('used_at').update({ used_at: ctx.clock().toISOString() });
  return n === 1;
}
