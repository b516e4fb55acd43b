import { css } from 'lit';

/**
 * The floating button in a corner, the dialog beside it (the whole window on a phone, below 30rem), the inline frame,
 * and inside both: the header, the log with my messages at the end side in the primary colour and the bot's at the
 * start side, emergencies in the danger colour with large phone links, the typing indicator (its dot pulses only
 * without a reduced-motion preference, like the dialog's fade-in), the question field and the hand-over panel. Texts
 * break rather than overflow at 320 px. Not printed unless inline. (No comments inside the styles: they would be
 * shipped.)
 */
export const chatBotStyles = css`
  :host {
    --_offset: var(--hp-chat-bot-offset, 1rem);
    --_end: calc(var(--_offset) + var(--hp-frame-visible-end, 0px));
  }
  p,
  ul,
  h2,
  h3 {
    margin: 0;
  }
  .launcher {
    position: fixed;
    inset-block-end: var(--_end);
    inset-inline-end: var(--_offset);
    z-index: var(--hp-chat-bot-z-index, 1000);
    border-radius: 999px;
    padding-inline: var(--_space-m) var(--_space-l);
    box-shadow: 0 4px 16px color-mix(in srgb, var(--_text) 30%, transparent);
  }
  :host([position='bottom-left']) .launcher {
    inset-inline-end: auto;
    inset-inline-start: var(--_offset);
  }
  .icon {
    inline-size: 1.5rem;
    block-size: 1.5rem;
    flex: none;
  }
  .dialog {
    margin: 0;
    padding: 0;
    inset: auto var(--_offset) var(--_end) auto;
    inline-size: min(26rem, calc(100vw - 2 * var(--_offset)));
    block-size: min(40rem, calc(var(--hp-frame-visible-height, 100dvh) - 2 * var(--_offset)));
    min-block-size: min(20rem, calc(100dvh - 2 * var(--_offset)));
    max-inline-size: none;
    max-block-size: none;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    color: var(--_text);
    background: var(--_surface);
    box-shadow: 0 8px 32px color-mix(in srgb, var(--_text) 25%, transparent);
  }
  :host([position='bottom-left']) .dialog {
    inset: auto auto var(--_end) var(--_offset);
  }
  .dialog[open] {
    display: flex;
    flex-direction: column;
  }
  .dialog::backdrop {
    background: rgb(0 0 0 / 0.2);
  }
  @media (max-width: 30rem) {
    .dialog {
      inset: var(--hp-frame-visible-top, 0px) 0 auto;
      inline-size: 100%;
      block-size: var(--hp-frame-visible-height, 100%);
      border: 0;
      border-radius: 0;
    }
  }
  .inline {
    display: flex;
    flex-direction: column;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .header {
    display: flex;
    align-items: start;
    justify-content: space-between;
    gap: var(--_space-s);
    padding: var(--_space-s) var(--_space-m);
    border-block-end: 1px solid var(--_border);
  }
  .title {
    font-size: var(--_font-size-l);
    line-height: 1.3;
  }
  .close {
    flex: none;
    inline-size: 2.75rem;
    padding: 0;
    font-size: var(--_font-size-l);
  }
  .log,
  .handover {
    flex: 1 1 auto;
    min-block-size: 0;
    overflow-y: auto;
    padding: var(--_space-m);
  }
  .inline .log,
  .inline .handover {
    block-size: var(--hp-chat-bot-height, 24rem);
  }
  .log {
    display: flex;
    flex-direction: column;
    gap: var(--_space-s);
  }
  .log[hidden] {
    display: none;
  }
  .log:focus-visible {
    outline: 2px solid transparent;
    box-shadow: inset var(--_focus-ring);
  }
  .intro,
  .typing,
  .as-of {
    color: var(--_text-muted);
  }
  .msg {
    display: grid;
    gap: var(--_space-s);
    max-inline-size: 90%;
    padding: var(--_space-s) var(--_space-m);
    border-radius: var(--_radius);
    overflow-wrap: anywhere;
  }
  .me {
    align-self: end;
    color: var(--_on-primary);
    background: var(--_primary);
  }
  .bot {
    align-self: start;
    background: var(--_surface-raised);
  }
  .bot[data-intent^='ticket_'] {
    background: var(--_success-soft);
  }
  .emergency {
    max-inline-size: 100%;
    border: 2px solid var(--_danger);
    background: var(--_danger-soft);
  }
  .text {
    white-space: pre-line;
  }
  .html {
    display: grid;
    gap: var(--_space-s);
  }
  .html ul,
  .html ol {
    padding-inline-start: var(--_space-l);
  }
  .items,
  .calls {
    list-style: none;
    padding: 0;
    display: grid;
    gap: var(--_space-xs);
  }
  .items .label {
    font-weight: 600;
  }
  .as-of {
    font-size: var(--_font-size-s);
  }
  .call {
    font-weight: 600;
  }
  .emergency .call {
    display: inline-block;
    padding-block: var(--_space-xs);
    font-size: var(--_font-size-l);
    color: var(--_danger);
  }
  .choices,
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
  }
  .choices button,
  .actions button {
    padding-inline: var(--_space-m);
    text-align: start;
  }
  .typing {
    display: flex;
    align-items: center;
    gap: var(--_space-s);
  }
  .dots {
    inline-size: 0.5rem;
    block-size: 0.5rem;
    border-radius: 50%;
    background: currentColor;
  }
  @media (prefers-reduced-motion: no-preference) {
    .dots {
      animation: hp-chat-pulse 1s ease-in-out infinite alternate;
    }
    .dialog[open] {
      animation: hp-chat-in 0.16s ease-out;
    }
  }
  @keyframes hp-chat-pulse {
    to {
      opacity: 0.2;
    }
  }
  @keyframes hp-chat-in {
    from {
      opacity: 0;
      transform: translateY(0.5rem);
    }
  }
  .ask {
    display: flex;
    gap: var(--_space-s);
    padding: var(--_space-s) var(--_space-m);
    border-block-start: 1px solid var(--_border);
  }
  .ask input {
    flex: 1 1 auto;
    min-inline-size: 0;
  }
  .ask button {
    padding-inline: var(--_space-m);
  }
  .handover {
    display: grid;
    gap: var(--_space-s);
    align-content: start;
  }
  .handover-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-s);
  }
  .subtitle {
    font-size: var(--_font-size-m);
    overflow-wrap: anywhere;
  }
  @media print {
    :host(:not([inline])) {
      display: none;
    }
  }
`;
