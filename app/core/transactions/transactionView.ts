import type { SnapshotFrom } from 'xstate';
import type { TransactionView } from '../../api/kioskApi.js';
import type { transactionMachine } from './transactionMachine.js';

/** The transaction's screen, from its machine's snapshot: the fields as read back, and the step. Null once it ended. */
export function transactionView(snapshot: SnapshotFrom<typeof transactionMachine> | undefined): TransactionView | null {
  if (!snapshot || snapshot.status !== 'active') return null;
  const { spec, values, skipped, preview } = snapshot.context;
  const step = snapshot.value === 'confirming' ? 'confirming' : snapshot.value === 'submitting' ? 'submitting' : snapshot.value === 'checkingEligibility' ? 'checking' : 'collecting';
  const asked = step === 'collecting' ? spec.fields.find((field) => !(field.name in values) && !skipped.includes(field.name)) : undefined;
  return {
    title: spec.title,
    step,
    fields: spec.fields.map((field) => ({
      name: field.name,
      label: field.label,
      value: field.name in values ? field.readBack(values[field.name]) : skipped.includes(field.name) ? (field.whenSkipped ?? null) : null,
      skipped: skipped.includes(field.name),
    })),
    asking: asked ? { name: asked.name, label: asked.label, choices: [...(asked.choices ?? [])], optional: asked.optional === true } : null,
    preview: step === 'confirming' && preview ? [...preview] : null,
  };
}
