"use client";

import type { InputHTMLAttributes, ReactNode } from "react";

type CheckboxProps = Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "children"> & {
  /** The words beside the box; without them, give an aria-label. */
  children?: ReactNode;
  /** "Some of these": the header box of a list where part of the rows are ticked. */
  indeterminate?: boolean;
};

/**
 * A checkbox a thumb can hit: the native input is stretched over the whole row (at least 44 × 44 px, WCAG 2.5.5),
 * invisible, and a 20 px box is drawn beneath it. The input keeps its role, name, keyboard and form behaviour;
 * tapping the words taps the input itself, not a label forwarding the tap. To outline it, use an inset ring
 * (`ring-1 ring-inset`), not a border, which would sit outside the stretched input and shrink it by 2 px.
 */
export function Checkbox({ children, indeterminate = false, className = "", ...input }: CheckboxProps) {
  return (
    <label
      className={`relative inline-flex min-h-11 min-w-11 shrink-0 cursor-pointer items-center gap-3 ${children ? "pl-3 pr-2" : "justify-center"} ${className}`}
    >
      <input
        {...input}
        type="checkbox"
        ref={(element) => {
          if (element) element.indeterminate = indeterminate;
        }}
        className="peer absolute inset-0 m-0 size-full cursor-pointer appearance-none rounded-lg disabled:cursor-not-allowed"
      />
      <span
        aria-hidden
        className="pointer-events-none grid size-5 shrink-0 place-items-center rounded border-2 border-slate-400 bg-white text-white peer-checked:border-brand-700 peer-checked:bg-brand-700 peer-indeterminate:border-brand-700 peer-indeterminate:bg-brand-700 peer-disabled:opacity-50 peer-checked:[&>.tick]:block peer-indeterminate:[&>.dash]:block"
      >
        <svg
          viewBox="0 0 16 16"
          className="tick hidden size-3.5"
          fill="none"
          stroke="currentColor"
          strokeWidth={2.5}
          strokeLinecap="round"
          strokeLinejoin="round"
        >
          <path d="M3 8.5l3.2 3L13 4.5" />
        </svg>
        <span className="dash hidden h-0.5 w-2.5 rounded bg-current" />
      </span>
      {children}
    </label>
  );
}
