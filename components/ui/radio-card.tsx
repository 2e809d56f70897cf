import type { InputHTMLAttributes, ReactNode } from "react";

type RadioCardProps = Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "children"> & {
  children: ReactNode;
  /** Draws a radio dot before the words (for cards with a description); segmented buttons go without. */
  hasDot?: boolean;
};

/**
 * One choice of a radio group, shown as an outlined card that is highlighted when chosen. The native radio is
 * stretched, invisible, over the whole card, so the control a thumb hits is the card's size (at least 44 px
 * high, WCAG 2.5.5) and keeps the radio's keyboard and form behaviour. The outline is an inset ring, not a
 * border: a border would sit outside the box the radio is stretched over and take 2 px off its height.
 */
export function RadioCard({ children, hasDot = false, className = "", ...input }: RadioCardProps) {
  return (
    <label
      className={`relative flex min-h-11 cursor-pointer gap-3 rounded-lg ring-1 ring-slate-300 ring-inset has-[:checked]:bg-brand-50 has-[:checked]:ring-brand-700 ${className}`}
    >
      <input {...input} type="radio" className="peer absolute inset-0 m-0 size-full cursor-pointer appearance-none rounded-lg" />
      {hasDot ? (
        <span
          aria-hidden
          className="pointer-events-none mt-1 size-4 shrink-0 rounded-full border-2 border-slate-400 bg-white peer-checked:border-[5px] peer-checked:border-brand-700"
        />
      ) : null}
      {children}
    </label>
  );
}
