import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceChain, SignOffInfo } from '@careloop/core/app-api/types';
import { useFormats } from '../format';

/** Review state of a conclusion in words: preliminary/final/amended/computed, who drafted and who signed. */
export function SignOffLine({ signOff }: { signOff: SignOffInfo }): ReactNode {
  const { t } = useTranslation();
  const f = useFormats();
  const status =
    signOff.status === 'preliminary' || signOff.status === 'final' || signOff.status === 'amended'
      ? t(`review.statusValue.${signOff.status}`)
      : t('review.statusValue.other', { status: signOff.status });
  return (
    <p className={`signoff signoff-${signOff.status}`}>
      <strong>{t('review.status')}:</strong> {status}
      {signOff.engine && <> · {signOff.engine}</>}
      {signOff.signedBy && (
        <> · {t('review.signedBy', { who: signOff.signedBy, when: f.dateTime(signOff.signedAt) })}</>
      )}
    </p>
  );
}

/** The evidence chain of an AI conclusion: the input values with dates, the rule or score, its sources, its state. */
export function EvidencePanel({ chain, id }: { chain: EvidenceChain; id: string }): ReactNode {
  const { t } = useTranslation();
  const f = useFormats();
  const headingId = `${id}-h`;
  return (
    <section className="evidence" id={id} aria-labelledby={headingId}>
      <h5 id={headingId}>{t('review.evidenceTitle')}</h5>
      <h6>{t('review.inputs')}</h6>
      {chain.inputs.length === 0 ? (
        <p>{t('review.noEvidence')}</p>
      ) : (
        <ul className="inputs">
          {chain.inputs.map((input, i) => (
            <li key={`${input.reference ?? ''}-${String(i)}`}>
              {input.display}
              {input.value && !input.display.includes(input.value) && <> — {input.value}</>}
              {input.date && <span className="muted"> ({f.date(input.date)})</span>}
            </li>
          ))}
        </ul>
      )}
      <h6>{t('review.rule')}</h6>
      <p>
        {chain.method.name ?? chain.method.id}{' '}
        <code>
          {chain.method.id}
          {chain.method.version ? ` v${chain.method.version}` : ''}
        </code>
      </p>
      {chain.sources.length > 0 && (
        <>
          <h6>{t('review.source')}</h6>
          <ul className="sources">
            {chain.sources.map((s) => (
              <li key={s.citation}>
                {s.citation}
                {s.url && (
                  <>
                    {' '}
                    <a href={s.url} target="_blank" rel="noreferrer noopener">
                      {s.url}
                    </a>
                  </>
                )}
                {!s.url && s.doi && <> doi:{s.doi}</>}
              </li>
            ))}
          </ul>
        </>
      )}
      <SignOffLine signOff={chain.signOff} />
    </section>
  );
}

/** A "Why?" button that opens the evidence chain below it (aria-expanded tells screen readers the state). */
export function WhyButton({ chain, label }: { chain: EvidenceChain; label?: string }): ReactNode {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const id = useId().replace(/:/g, '');
  return (
    <div className="why">
      <button
        type="button"
        className="link-button"
        aria-expanded={open}
        aria-controls={`ev-${id}`}
        onClick={() => {
          setOpen((o) => !o);
        }}
      >
        {open ? t('review.hideEvidence') : (label ?? t('review.evidence'))}
      </button>
      {open && <EvidencePanel chain={chain} id={`ev-${id}`} />}
    </div>
  );
}
