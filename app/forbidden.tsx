import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-md p-6 text-center">
      <p className="text-sm font-semibold text-red-700">403</p>
      <h1 className="mt-2 text-2xl font-bold">You may not open this page</h1>
      <p className="mt-3 text-slate-600">Your role does not include it. If you need it for your work, ask an admin to change your role.</p>
      <Link href="/" className="mt-6 inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-5 font-medium text-white">
        Back to the dashboard
      </Link>
    </main>
  );
}
