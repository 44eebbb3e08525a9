import { useTranslation } from 'react-i18next';
import type { GroupState, GroupType } from '@tributary/contract';
import { Badge, type Tone } from '../ui/Badge.tsx';

const TONES: Partial<Record<GroupState, Tone>> = {
  Stable: 'ok',
  Empty: 'neutral',
  Dead: 'danger',
  PreparingRebalance: 'warn',
  CompletingRebalance: 'warn',
  Assigning: 'warn',
  Reconciling: 'warn',
};

/** The state as Kafka names it (the word people search for), coloured by how healthy it is. */
export function StateBadge({ state }: { state: GroupState }) {
  return <Badge tone={TONES[state] ?? 'neutral'}>{state}</Badge>;
}

/** `consumer` is the KIP-848 protocol; say so where the word alone would puzzle. */
export function TypeBadge({ type }: { type: GroupType }) {
  const { t } = useTranslation();
  return (
    <Badge
      tone={type === 'consumer' ? 'info' : 'accent'}
      title={type === 'consumer' ? t('groups.typeConsumer') : t('groups.typeClassic')}
    >
      {type}
    </Badge>
  );
}
