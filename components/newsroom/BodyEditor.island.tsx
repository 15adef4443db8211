"use client";

import Link from "@tiptap/extension-link";
import { EditorContent, useEditor, useEditorState, type Editor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useEffect, useRef, useState } from "react";
import { isSafeLink } from "@/lib/content/blocks";
import { blocksToTiptap, tiptapToBlocks } from "@/lib/content/tiptap";
import type { BodyBlock } from "@/lib/domain";
import type { PhotoChoice } from "@/lib/newsroom/photo-choice";
import { LinkDialog } from "./body-editor/LinkDialog";
import { BodyPhotoNode } from "./body-editor/photo-node";

/** A photo the story editor's media library hands back for the body (issue 17 contract). */
export type { PhotoChoice };

export type BodyEditorProps = {
  /** The id of the editable region. */
  id: string;
  /** The id of the element that labels the editable region (the field's label). */
  labelledBy: string;
  initial: BodyBlock[];
  /** Called with the body's blocks after every change (the story editor debounces its saves). */
  onChange(blocks: BodyBlock[]): void;
  /** Opens the media library; resolves with the chosen photo, or null when cancelled. */
  choosePhoto?: () => Promise<PhotoChoice | null>;
};

const BUTTON =
  "rounded border border-rule px-2 py-1 font-sans text-sm aria-pressed:bg-accent aria-pressed:text-accent-ink focus-visible:outline-2 focus-visible:outline-accent";

/**
 * The newsroom's rich-text body editor (Tiptap on ProseMirror): paragraphs with bold, italic and
 * links, subheadings, quotes, bulleted and numbered lists and body photos, and nothing else (no
 * code, rules, tables or pasted HTML survive: lib/content/tiptap.ts). Takes the story's blocks
 * and emits blocks on every change, never HTML. A toolbar of labelled buttons (aria-pressed shows
 * what applies at the cursor) drives it; so do the keyboard shortcuts: Ctrl/Cmd+B bold, +I
 * italic, +K link, +Alt+2 subheading, +Shift+B quote, +Shift+8 bulleted, +Shift+7 numbered list.
 * Links go through a prompt that takes only http, https and mailto. Rendered after hydration
 * (`immediatelyRender: false`), so the server's HTML never disagrees with the client's.
 */
export function BodyEditor({ id, labelledBy, initial, onChange, choosePhoto }: BodyEditorProps) {
  const [linkOpen, setLinkOpen] = useState(false);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  const editor = useEditor({
    immediatelyRender: false,
    extensions: [
      StarterKit.configure({
        heading: { levels: [2] },
        code: false,
        codeBlock: false,
        horizontalRule: false,
        strike: false,
        underline: false,
        link: false,
      }),
      Link.configure({
        openOnClick: false,
        autolink: false,
        linkOnPaste: false,
        protocols: ["mailto"],
        isAllowedUri: (url) => isSafeLink(url),
        HTMLAttributes: { rel: "nofollow noopener", target: null },
      }),
      BodyPhotoNode,
    ],
    content: blocksToTiptap(initial),
    editorProps: {
      attributes: {
        id,
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": labelledBy,
        class:
          "min-h-48 rounded border border-rule p-3 font-serif text-lg leading-relaxed focus-visible:outline-2 focus-visible:outline-accent [&_blockquote]:border-l-4 [&_blockquote]:pl-3 [&_h2]:font-sans [&_h2]:text-xl [&_h2]:font-bold [&_ol]:list-decimal [&_ol]:pl-6 [&_ul]:list-disc [&_ul]:pl-6 [&_a]:underline",
      },
      handleKeyDown: (_view, event) => {
        if ((event.metaKey || event.ctrlKey) && !event.altKey && event.key.toLowerCase() === "k") {
          event.preventDefault();
          setLinkOpen(true);
          return true;
        }
        return false;
      },
    },
    onUpdate: ({ editor }) => onChangeRef.current(tiptapToBlocks(editor.getJSON())),
  });

  const active = useEditorState({
    editor,
    selector: ({ editor }) => ({
      bold: editor?.isActive("bold") ?? false,
      italic: editor?.isActive("italic") ?? false,
      link: editor?.isActive("link") ?? false,
      heading: editor?.isActive("heading", { level: 2 }) ?? false,
      quote: editor?.isActive("blockquote") ?? false,
      bullets: editor?.isActive("bulletList") ?? false,
      numbers: editor?.isActive("orderedList") ?? false,
      href: (editor?.getAttributes("link").href as string | undefined) ?? "",
    }),
  });

  const run = (command: (e: Editor) => void) => () => {
    if (!editor) return;
    command(editor);
  };
  const closeLink = () => {
    setLinkOpen(false);
    editor?.commands.focus();
  };
  const insertPhoto = async () => {
    if (!editor || !choosePhoto) return;
    const photo = await choosePhoto();
    if (!photo) return editor.commands.focus();
    editor.chain().focus().insertBodyPhoto(photo).run();
  };

  const buttons: Array<{ label: string; pressed?: boolean; onClick: () => void; keys: string }> = [
    {
      label: "Bold",
      pressed: active?.bold,
      keys: "Control+B",
      onClick: run((e) => e.chain().focus().toggleBold().run()),
    },
    {
      label: "Italic",
      pressed: active?.italic,
      keys: "Control+I",
      onClick: run((e) => e.chain().focus().toggleItalic().run()),
    },
    { label: "Link", pressed: active?.link, keys: "Control+K", onClick: () => setLinkOpen(true) },
    {
      label: "Subheading",
      pressed: active?.heading,
      keys: "Control+Alt+2",
      onClick: run((e) => e.chain().focus().toggleHeading({ level: 2 }).run()),
    },
    {
      label: "Quote",
      pressed: active?.quote,
      keys: "Control+Shift+B",
      onClick: run((e) => e.chain().focus().toggleBlockquote().run()),
    },
    {
      label: "Bulleted list",
      pressed: active?.bullets,
      keys: "Control+Shift+8",
      onClick: run((e) => e.chain().focus().toggleBulletList().run()),
    },
    {
      label: "Numbered list",
      pressed: active?.numbers,
      keys: "Control+Shift+7",
      onClick: run((e) => e.chain().focus().toggleOrderedList().run()),
    },
  ];

  return (
    <div>
      <div
        role="toolbar"
        aria-label="Body formatting"
        aria-controls={id}
        className="mb-2 flex flex-wrap gap-1"
      >
        {buttons.map((b) => (
          <button
            key={b.label}
            type="button"
            className={BUTTON}
            aria-pressed={b.pressed ?? false}
            aria-keyshortcuts={b.keys}
            disabled={!editor}
            onClick={b.onClick}
          >
            {b.label}
          </button>
        ))}
        {choosePhoto && (
          <button
            type="button"
            className={BUTTON}
            disabled={!editor}
            onClick={() => void insertPhoto()}
          >
            Photo
          </button>
        )}
      </div>
      {linkOpen && editor && (
        <LinkDialog
          initial={active?.href ?? ""}
          onClose={closeLink}
          onRemove={
            active?.link
              ? () => {
                  editor.chain().focus().extendMarkRange("link").unsetLink().run();
                  setLinkOpen(false);
                }
              : null
          }
          onApply={(href) => {
            const chain = editor.chain().focus().extendMarkRange("link");
            if (editor.state.selection.empty && !active?.link)
              chain
                .insertContent({
                  type: "text",
                  text: href,
                  marks: [{ type: "link", attrs: { href } }],
                })
                .run();
            else chain.setLink({ href }).run();
            setLinkOpen(false);
          }}
        />
      )}
      <EditorContent editor={editor} />
    </div>
  );
}
