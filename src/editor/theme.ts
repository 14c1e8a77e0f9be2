import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import type { Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { tags } from '@lezer/highlight';

// Colours come from the app's CSS variables (src/app/theme.css), so the editor follows the app's one dark
// theme instead of CodeMirror's light default; the syntax palette is chosen to read on --bg-panel.
const editorTheme = EditorView.theme(
  {
    '&': {
      color: 'var(--text-bright)',
      backgroundColor: 'var(--bg-panel)',
      border: '1px solid var(--border)',
      borderRadius: '4px',
      fontSize: '13px',
      minHeight: '32px',
    },
    '&.cm-focused': { outline: '1px solid var(--accent)' },
    '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.5' },
    '.cm-content': { padding: '5px 0', caretColor: 'var(--text-bright)' },
    '.cm-line': { padding: '0 8px' },
    '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--text-bright)' },
    '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, ::selection': {
      backgroundColor: '#2f4a75',
    },
    '.cm-placeholder': { color: 'var(--text-dim)' },
    '.cm-matchingBracket': { backgroundColor: 'var(--bg-hover)', outline: '1px solid var(--text-dim)' },
    '.cm-tooltip': { backgroundColor: 'var(--bg-raised)', color: 'var(--text)', border: '1px solid var(--border)' },
    '.cm-tooltip-autocomplete > ul': { fontFamily: 'var(--mono)', maxHeight: '16em' },
    '.cm-tooltip-autocomplete > ul > li': { padding: '2px 8px' },
    '.cm-tooltip-autocomplete > ul > li[aria-selected]': { backgroundColor: 'var(--accent)', color: '#fff' },
    '.cm-completionDetail': { color: 'var(--text-dim)', fontStyle: 'normal', marginLeft: '1em' },
    '.cm-tooltip-autocomplete > ul > li[aria-selected] .cm-completionDetail': { color: '#e8eefc' },
    '.cm-completionMatchedText': { textDecoration: 'none', fontWeight: 'bold' },
    '.cm-completionInfo': { maxWidth: '32em', padding: '4px 8px' },
    '.cm-tooltip-lint': { fontFamily: 'var(--mono)', fontSize: '12px' },
    '.cm-diagnostic-error': { borderLeftColor: 'var(--crit)' },
    '.cm-lintRange-error': {
      backgroundImage: 'none',
      textDecoration: 'underline wavy var(--crit)',
      textUnderlineOffset: '3px',
    },
    // Grafana-style variables (`$__rate_interval`): one colour over the grammar's pieces of them.
    '.cm-template-variable, .cm-template-variable *': { color: '#5ec4d6' },
    '.cm-panels': { backgroundColor: 'var(--bg-raised)', color: 'var(--text)' },
  },
  { dark: true },
);

const highlight = HighlightStyle.define([
  { tag: tags.comment, color: 'var(--text-dim)', fontStyle: 'italic' },
  { tag: [tags.function(tags.variableName), tags.operatorKeyword], color: '#c49cff' },
  { tag: tags.variableName, color: 'var(--text-bright)' },
  { tag: tags.labelName, color: '#8ab8ff' },
  { tag: tags.string, color: 'var(--ok)' },
  { tag: tags.number, color: 'var(--warn)' },
  { tag: [tags.modifier, tags.logicOperator], color: '#5ec4d6' },
  { tag: [tags.operator, tags.arithmeticOperator], color: 'var(--text)' },
  { tag: tags.invalid, color: 'var(--crit)' },
]);

export const darkEditorTheme: Extension = [editorTheme, syntaxHighlighting(highlight)];
