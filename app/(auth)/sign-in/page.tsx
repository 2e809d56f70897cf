import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { sameSitePathOr } from "@/lib/auth/same-site-path";
import { getSessionActor } from "@/lib/auth/session";
import { retryAfterOfSignInError, waitMessage } from "@/lib/auth/throttled-sign-in-error";

export const metadata = { title: "Sign in" };

/** The reason next-auth sent the person back here (`?error=`), in their words. */
function initialError(error: string | undefined): string | undefined {
  if (error === "AccessDenied") return "Your account is not set up here: ask an admin.";
  const retryAfterSeconds = retryAfterOfSignInError(error);
  return retryAfterSeconds === null ? undefined : waitMessage(retryAfterSeconds);
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ error?: string; callbackUrl?: string }> }) {
  if (await getSessionActor()) redirect("/");
  const { error, callbackUrl } = await searchParams;
  const hasCompanySignIn = Boolean(process.env.OIDC_ISSUER && process.env.OIDC_CLIENT_ID && process.env.OIDC_CLIENT_SECRET);
  return (
    <main className="mx-auto flex min-h-dvh max-w-sm flex-col justify-center px-5 py-10">
      <p className="text-2xl font-bold text-brand-700">Stockroom</p>
      <h1 className="mt-6 text-xl font-semibold">Sign in</h1>
      <SignInForm
        companySignIn={hasCompanySignIn ? (process.env.OIDC_NAME ?? "Company sign-in") : null}
        initialError={initialError(error)}
        callbackUrl={sameSitePathOr(callbackUrl)}
      />
    </main>
  );
}
