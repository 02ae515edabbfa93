import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppSeverity } from '@careloop/core/app-api/types';

// A shape per level as well as a colour, so severity never rests on colour alone.
const ICON: Readonly<Record<AppSeverity, string>> = { critical: '‼', high: '▲', moderate: '◆', low: '●', info: 'ℹ' };

export function SeverityBadge({ severity }: { severity: AppSeverity }): ReactNode {
  const { t } = useTranslation();
  return (
    <span className={`badge sev-${severity}`}>
      <span aria-hidden="true">{ICON[severity]} </span>
      {t(`review.severity.${severity}`)}
    </span>
  );
}
