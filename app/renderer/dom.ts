/**
 * A tiny element builder. Text always goes in as text nodes, so data from the core is never parsed as HTML.
 */
export type Child = Node | string | null | undefined | false;

export interface ElementProps {
  className?: string;
  testId?: string;
  attrs?: Record<string, string>;
  onClick?: () => void;
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: ElementProps = {},
  children: Child[] = [],
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.className) element.className = props.className;
  if (props.testId) element.dataset.testid = props.testId;
  for (const [name, value] of Object.entries(props.attrs ?? {})) element.setAttribute(name, value);
  if (props.onClick) element.addEventListener('click', props.onClick);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

/** A big touch button; `type="button"` so it never submits a surrounding form by accident. */
export function button(label: string, onPress: () => void, props: Omit<ElementProps, 'onClick'> = {}): HTMLButtonElement {
  const element = h('button', { ...props, onClick: () => onPress() }, [label]);
  element.type = 'button';
  return element;
}

export function setVisible(element: HTMLElement, visible: boolean): void {
  element.hidden = !visible;
}
