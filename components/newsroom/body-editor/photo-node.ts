import { mergeAttributes, Node } from "@tiptap/core";
import { PHOTO_NODE } from "@/lib/content/tiptap";

/** The attributes of a body photo in the editor: the photo block's fields (lib/domain.ts). */
export type PhotoAttrs = {
  imageId: number;
  alt: string;
  caption: string;
  credit: string;
  src: string | null;
  width: number | null;
  height: number | null;
};

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    bodyPhoto: {
      /** Inserts a body photo at the selection. */
      insertBodyPhoto: (attrs: PhotoAttrs) => ReturnType;
    };
  }
}

const onSite = (src: unknown) =>
  typeof src === "string" && src.startsWith("/") && !src.startsWith("//") ? src : null;

const numberAttr = (name: string) => ({
  default: null,
  parseHTML: (el: HTMLElement) => {
    const n = Number(el.getAttribute(name));
    return Number.isSafeInteger(n) && n > 0 ? n : null;
  },
  renderHTML: () => ({}),
});

const textAttr = (name: string) => ({
  default: "",
  parseHTML: (el: HTMLElement) => el.getAttribute(name) ?? "",
  renderHTML: () => ({}),
});

/**
 * The body photo node of the newsroom's editor (name PHOTO_NODE, lib/content/tiptap.ts): one
 * atom block showing the photo with its caption and credit. Built from DOM nodes and text by
 * ProseMirror (no HTML strings); the image shows only for a src on this site. Pasted HTML
 * becomes a photo only from the editor's own `figure[data-body-photo]` (copy and paste inside
 * the body); anything else pasted as an image is dropped.
 */
export const BodyPhotoNode = Node.create({
  name: PHOTO_NODE,
  group: "block",
  atom: true,
  draggable: true,
  selectable: true,

  addAttributes() {
    return {
      imageId: numberAttr("data-image-id"),
      alt: textAttr("data-alt"),
      caption: textAttr("data-caption"),
      credit: textAttr("data-credit"),
      src: {
        default: null,
        parseHTML: (el: HTMLElement) => onSite(el.getAttribute("data-src")),
        renderHTML: () => ({}),
      },
      width: numberAttr("data-width"),
      height: numberAttr("data-height"),
    };
  },

  parseHTML() {
    return [{ tag: "figure[data-body-photo]" }];
  },

  renderHTML({ node, HTMLAttributes }) {
    const a = node.attrs as PhotoAttrs;
    const src = onSite(a.src);
    const data = {
      "data-body-photo": "",
      "data-image-id": String(a.imageId ?? ""),
      "data-alt": a.alt,
      "data-caption": a.caption,
      "data-credit": a.credit,
      "data-src": src ?? "",
      "data-width": String(a.width ?? ""),
      "data-height": String(a.height ?? ""),
      class: "my-4",
    };
    const caption = `${a.caption}${a.credit ? ` (${a.credit})` : ""}` || "Photo (no caption yet)";
    return [
      "figure",
      mergeAttributes(HTMLAttributes, data),
      src
        ? [
            "img",
            {
              src,
              alt: a.alt,
              width: String(a.width ?? ""),
              height: String(a.height ?? ""),
              class: "h-auto max-w-full",
            },
          ]
        : ["span", { class: "text-muted" }, `Photo ${a.imageId}`],
      ["figcaption", { class: "mt-1 text-sm text-muted" }, caption],
    ];
  },

  addCommands() {
    return {
      insertBodyPhoto:
        (attrs) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs }),
    };
  },
});
