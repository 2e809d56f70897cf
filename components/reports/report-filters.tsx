import { SelectField, TextField } from "@/components/ui/field";
import type { FieldIssue } from "@/lib/domain-error";
import type { ReportFormField } from "@/lib/reports/report";

type Values = Record<string, string | number | undefined>;

/**
 * A report's period, site and own filters as a plain GET form: the filters live in the URL, so a filtered report
 * can be reloaded, bookmarked and shared, and the form works before any script has loaded. A report that ignores
 * the period (stock on hand) leaves the dates out. Every day is a date picker (the period, a valuation's `asOf`);
 * a day typed some other way (an old bookmark, a browser without the picker) is refused by the server on its field.
 */
export function ReportFilters({
  values,
  sites,
  issues,
  usesPeriod = true,
  fields = [],
}: {
  values: Values;
  sites: { code: string; name: string }[];
  issues: FieldIssue[];
  usesPeriod?: boolean;
  fields?: readonly ReportFormField[];
}) {
  const error = (field: string) => issues.find((i) => i.field === field)?.message;
  const value = (name: string) => (values[name] === undefined ? "" : String(values[name]));
  return (
    <form method="get" className="mb-4 grid gap-3 sm:grid-cols-[repeat(auto-fill,minmax(11rem,1fr))] sm:items-end" aria-label="Report filters">
      {usesPeriod ? (
        <>
          <TextField label="From" name="from" type="date" defaultValue={value("from")} error={error("from")} />
          <TextField label="To" name="to" type="date" defaultValue={value("to")} error={error("to")} />
        </>
      ) : null}
      <SelectField label="Site" name="site" defaultValue={value("site")} error={error("site")}>
        <option value="">All your sites</option>
        {sites.map((s) => (
          <option key={s.code} value={s.code}>
            {s.code} · {s.name}
          </option>
        ))}
      </SelectField>
      {fields.map((field) =>
        field.options ? (
          <SelectField key={field.name} label={field.label} name={field.name} defaultValue={value(field.name)} error={error(field.name)}>
            {field.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </SelectField>
        ) : (
          <TextField
            key={field.name}
            label={field.label}
            name={field.name}
            type={field.type ?? "text"}
            defaultValue={value(field.name)}
            error={error(field.name)}
          />
        ),
      )}
      <button type="submit" className="min-h-11 rounded-lg bg-brand-700 px-4 font-medium text-white hover:bg-brand-900">
        Show
      </button>
    </form>
  );
}
