import { BarcodeOutlined } from '@ant-design/icons';
import { Input, type InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';

/** Somewhere the user is typing on purpose (a form field), or a dialog that has the focus. */
function isFocusTaken(): boolean {
  const active = document.activeElement;
  if (!active || active === document.body) return false;
  if (active.closest('.ant-modal-root, .ant-drawer, .ant-select-dropdown, .ant-picker-dropdown')) return true;
  return (
    active instanceof HTMLTextAreaElement ||
    active instanceof HTMLSelectElement ||
    (active instanceof HTMLInputElement && active.type !== 'button') ||
    active.getAttribute('contenteditable') === 'true'
  );
}

/**
 * The input a keyboard-wedge scanner types into: the scanner sends the code and Enter. It keeps
 * the focus (a click on a button or the page gives it back) so the next scan never lands
 * elsewhere, and it empties itself after each scan. Form fields and dialogs may take the focus.
 */
export function ScanInput({
  onScan,
  placeholder,
  isDisabled,
  isBusy,
  size = 'large',
  testId,
}: {
  onScan: (code: string) => void | Promise<void>;
  placeholder: string;
  isDisabled?: boolean;
  isBusy?: boolean;
  size?: 'large' | 'middle';
  testId: string;
}) {
  const ref = useRef<InputRef>(null);
  const [value, setValue] = useState('');

  useEffect(() => {
    if (isDisabled) return;
    ref.current?.focus();
    const reclaim = () =>
      window.setTimeout(() => {
        if (!isFocusTaken()) ref.current?.focus({ preventScroll: true });
      }, 0);
    document.addEventListener('pointerup', reclaim);
    document.addEventListener('focusout', reclaim);
    return () => {
      document.removeEventListener('pointerup', reclaim);
      document.removeEventListener('focusout', reclaim);
    };
  }, [isDisabled]);

  // The scanner's Enter ends the scan and nothing else: without preventDefault it would go on
  // to submit the form that takes focus next (the parcel's weight after the last item).
  const submit = (event: { preventDefault: () => void }) => {
    event.preventDefault();
    const code = value.trim();
    setValue('');
    if (code) void onScan(code);
  };

  return (
    <Input
      ref={ref}
      size={size}
      value={value}
      disabled={isDisabled}
      onChange={(event) => setValue(event.target.value)}
      onPressEnter={submit}
      placeholder={placeholder}
      prefix={<BarcodeOutlined />}
      autoComplete="off"
      spellCheck={false}
      aria-busy={isBusy}
      style={size === 'large' ? { fontSize: 24, padding: '12px 16px' } : undefined}
      data-testid={testId}
    />
  );
}
