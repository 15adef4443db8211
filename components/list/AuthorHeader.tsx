import Image from "next/image";
import type { AuthorProfile } from "@/lib/domain";

const KIND_LABEL: Record<AuthorProfile["kind"], string> = {
  staff: "Staff writer",
  agency: "News agency",
  collective: "Contributors",
};

/** An author page's header: photo (when there is one), name, what kind of byline it is, and bio. */
export function AuthorHeader({ author }: { author: AuthorProfile }) {
  return (
    <header className="mb-6 flex items-start gap-4">
      {author.photo && (
        <Image
          src={author.photo.src}
          alt={author.photo.alt}
          width={96}
          height={96}
          className="size-24 shrink-0 rounded-full object-cover"
        />
      )}
      <div>
        <p className="mb-1 text-sm font-bold uppercase tracking-wider text-kicker">
          {KIND_LABEL[author.kind]}
        </p>
        <h1 className="font-serif text-4xl font-bold">{author.name}</h1>
        {author.bio && <p className="mt-2 max-w-[65ch] text-lg">{author.bio}</p>}
      </div>
    </header>
  );
}
