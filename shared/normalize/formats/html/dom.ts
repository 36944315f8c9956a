/** The slice of the DOM the HTML reader touches; linkedom's nodes have it, and lib.dom is not in this project. */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  parentNode: DomNode | null;
}

export interface DomElement extends DomNode {
  remove(): void;
  getAttribute(name: string): string | null;
  removeChild(child: DomNode): DomNode;
  appendChild(child: DomNode): DomNode;
  insertBefore(child: DomNode, before: DomNode | null): DomNode;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

export interface DomDocument {
  documentElement: DomElement | null;
  body: DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

export function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT_NODE;
}

/** Upper-case tag name (linkedom keeps HTML names upper-case, but XHTML-ish input may not). */
export function tagOf(node: DomNode): string {
  return node.nodeName.toUpperCase();
}

/** Elements that only group: a chain of them around one child says nothing the innermost does not. */
export const WRAPPERS = new Set([
  "DIV",
  "SECTION",
  "SPAN",
  "FONT",
  "CENTER",
  "MAIN",
  "B",
  "I",
  "EM",
  "STRONG",
  "U",
  "SMALL",
  "BIG",
]);
