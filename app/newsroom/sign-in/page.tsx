import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/newsroom/SignInForm.island";
import { safeNext } from "@/lib/newsroom/auth/paths";
import { INITIAL_SIGN_IN } from "@/lib/newsroom/auth/sign-in-state";
import { currentStaff } from "@/lib/newsroom/session";
import { signInAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in", robots: { index: false, follow: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** /newsroom/sign-in: staff sign in here; someone already signed in goes on to `next`. */
export default async function SignInPage({ searchParams }: Props) {
  const raw = (await searchParams).next;
  const next = safeNext(typeof raw === "string" ? raw : null);
  if (await currentStaff()) redirect(next);
  return (
    <div className="max-w-md">
      <h1 className="mb-4 text-2xl font-bold">Sign in to the newsroom</h1>
      <SignInForm action={signInAction} next={next} initial={INITIAL_SIGN_IN} />
    </div>
  );
}
