import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/Button.tsx';

/** Copies `text` to the clipboard and says so for a moment. */
export function CopyButton({ text, label, caption }: { text: string; label: string; caption?: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <Button
      size="sm"
      aria-label={label}
      onClick={() => {
        void navigator.clipboard?.writeText(text).then(() => {
          setCopied(true);
          setTimeout(() => setCopied(false), 1200);
        });
      }}
    >
      {copied ? t('copy.copied') : (caption ?? t('copy.copy'))}
    </Button>
  );
}
