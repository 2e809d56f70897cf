import { SelectField, TextField } from "@/components/ui/field";
import type { FieldIssue } from "@/lib/domain-error";

type Values = { from?: string; to?: string; site?: string };

/**
 * A report's period and site as a plain GET form: the filters live in the URL, so a filtered report can be
 * reloaded, bookmarked and shared, and the form works before any script has loaded.
 */
export function ReportFilters({ values, sites, issues }: { values: Values; sites: { code: string; name: string }[]; issues: FieldIssue[] }) {
  const error = (field: string) => issues.find((i) => i.field === field)?.message;
  return (
    <form method="get" className="mb-4 grid gap-3 sm:grid-cols-[repeat(3,minmax(0,12rem))_auto] sm:items-end" aria-label="Report filters">
      <TextField label="From" name="from" type="date" defaultValue={values.from} error={error("from")} />
      <TextField label="To" name="to" type="date" defaultValue={values.to} error={error("to")} />
      <SelectField label="Site" name="site" defaultValue={values.site ?? ""} error={error("site")}>
        <option value="">All your sites</option>
        {sites.map((s) => (
          <option key={s.code} value={s.code}>
            {s.code} · {s.name}
          </option>
        ))}
      </SelectField>
      <button type="submit" className="min-h-11 rounded-lg bg-brand-700 px-4 font-medium text-white hover:bg-brand-900">
        Show
      </button>
    </form>
  );
}
