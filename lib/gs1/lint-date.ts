/** Checks a date YYMMDD or YYYYMMDD; where isDayZeroAllowed, day 00 stands for the last day of the month. */
export function lintDate(date: string, yearDigits: 2 | 4, isDayZeroAllowed: boolean): string | undefined {
  const format = `${yearDigits === 2 ? "YY" : "YYYY"}MMDD`;
  if (!new RegExp(`^\\d{${yearDigits + 4}}$`).test(date)) return `${date} is not a date ${format}`;
  const year = Number(date.slice(0, yearDigits));
  const month = Number(date.slice(yearDigits, yearDigits + 2));
  const day = Number(date.slice(yearDigits + 2));
  if (month < 1 || month > 12) return `${date} is not a date ${format}: month ${month} does not exist`;
  // GS1 General Specifications 7.12: day 00 means the last day of the month, where the format allows it.
  if (day === 0 && isDayZeroAllowed) return undefined;
  // Two-digit years fall within 49 years back and 50 ahead (GenSpecs 7.12), i.e. 1977-2076 today: in every such
  // year YY divisible by 4 is a leap year (2000 was one), so the century does not need resolving here.
  const isLeap = yearDigits === 2 ? year % 4 === 0 : (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (day < 1 || day > daysInMonth) return `${date} is not a date ${format}: day ${day} does not exist in month ${month}`;
  return undefined;
}
