import { Button, MessageBar, MessageBarBody, MessageBarTitle, Switch } from "@fluentui/react-components";
import { DragEvent, useEffect, useMemo, useRef, useState } from "react";
import { Language } from "../../rules/message";
import { SHEET_NAMES } from "../../rules/workbook";
import { createPaneActions } from "../../taskpane/actions";
import { Pane } from "../../taskpane/components/Pane";
import { ProblemList } from "../../taskpane/components/ProblemList";
import { rememberLanguage, storedLanguage } from "../../taskpane/language-choice";
import { DocumentTools } from "../../taskpane/actions";
import { FilesWorkbook } from "../files-workbook";
import { distinctName, FileLike, identityOf, PickedEntry, readPicked } from "../picked-files";
import { PAGE_STRINGS, PANE_STRINGS } from "../strings";
import { usePageStyles } from "./WebPage.styles";

/** The add-in's sheets of a picked file that the page reads (see FilesWorkbook). */
const READ_OWN_SHEETS: string[] = [SHEET_NAMES.ruleset, SHEET_NAMES.roadmap];

export interface WebPageProps {
  /** package.json's version, shown at the foot of the page. */
  version: string;
  /** Charts drawn as pictures and files handed to the user: the browser's, as in the add-in's pane. */
  documents: DocumentTools;
}

/**
 * The standalone page: what it promises about the files, the files picked (by the button or dropped), and the
 * add-in's pane over them once every one of them is read. Each new set of files starts the pane afresh.
 */
export function WebPage({ version, documents }: WebPageProps) {
  const styles = usePageStyles();
  const [language, setLanguage] = useState<Language>(storedLanguage);
  const p = PAGE_STRINGS[language];
  const [entries, setEntries] = useState<PickedEntry[]>([]);
  const [generation, setGeneration] = useState(0);
  const [reading, setReading] = useState(false);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  // A file dropped beside the drop zone must not make the browser leave the page to show it.
  useEffect(() => {
    const keep = (e: Event) => e.preventDefault();
    window.addEventListener("dragover", keep);
    window.addEventListener("drop", keep);
    return () => {
      window.removeEventListener("dragover", keep);
      window.removeEventListener("drop", keep);
    };
  }, []);

  const failed = entries.filter((e) => e.problem);
  const session = useMemo(() => {
    if (entries.length === 0 || entries.some((e) => !e.snapshot)) return undefined;
    const workbook = new FilesWorkbook(entries.map((e) => ({ name: e.name, snapshot: e.snapshot! })));
    return { workbook, actions: createPaneActions(workbook, documents) };
  }, [entries, documents]);

  // Of the add-in's sheets several files have, those the page would read: the corrected criteria, last year's roadmap.
  const unread = (session?.workbook.ambiguousOwnSheets ?? []).filter((a) => READ_OWN_SHEETS.includes(a.sheet));

  function replaceEntries(next: PickedEntry[]) {
    setEntries(next);
    setGeneration((g) => g + 1);
  }

  async function add(files: FileLike[]) {
    if (files.length === 0) return;
    setReading(true);
    try {
      const next = [...entries];
      for (const file of files) {
        if (next.some((e) => e.identity === identityOf(file))) continue;
        // Reading holds the page while it runs: let the browser show that it is reading first.
        await new Promise((resolve) => setTimeout(resolve, 0));
        next.push(await readPicked(file, distinctName(file.name, new Set(next.map((e) => e.name)))));
      }
      replaceEntries(next);
    } finally {
      setReading(false);
    }
  }

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    void add(Array.from(e.dataTransfer.files));
  };

  const switchLanguage = (english: boolean) => {
    const next: Language = english ? "en" : "vi";
    setLanguage(next);
    rememberLanguage(next);
  };

  return (
    <div className={styles.page} lang={language}>
      <header className={styles.header}>
        <div>
          <h1 className={styles.title}>{p.title}</h1>
          <p className={styles.subtitle}>{p.subtitle}</p>
        </div>
        <Switch checked={language === "en"} label={p.english} onChange={(_, d) => switchLanguage(d.checked)} />
      </header>

      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{p.privacyTitle}</MessageBarTitle>
          {p.privacyBody}
        </MessageBarBody>
      </MessageBar>

      <section className={styles.card} aria-labelledby="ntm-files">
        <h2 id="ntm-files" className={styles.heading}>
          {p.filesHeading}
        </h2>
        <p className={styles.note}>{p.filesHelp}</p>
        <div
          className={dragging ? `${styles.drop} ${styles.dropActive}` : styles.drop}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <Button appearance="primary" disabled={reading} onClick={() => input.current?.click()}>
            {p.pick}
          </Button>
          <span>{p.drop}</span>
          <input
            ref={input}
            className={styles.hidden}
            type="file"
            multiple
            accept=".xlsx,.xlsm"
            aria-label={p.pick}
            onChange={(e) => {
              const files = Array.from(e.target.files ?? []);
              // Picking the same file again is a new pick.
              e.target.value = "";
              void add(files);
            }}
          />
        </div>
        <div role="status" aria-live="polite" className={styles.note}>
          {reading ? p.reading : entries.length === 0 ? p.noFiles : ""}
        </div>
        {entries.length > 0 ? (
          <>
            <ul className={styles.files} aria-label={p.filesHeading}>
              {entries.map((e) => (
                <li key={e.identity} className={styles.file}>
                  <span className={styles.fileText}>
                    <span className={styles.fileName}>{e.name}</span>
                    <span className={styles.note}>
                      {p.fileLine(e.snapshot?.sheets.length ?? 0, Math.max(1, Math.round(e.bytes / 1024)))}
                      {e.originalName ? ` · ${p.renamedFile(e.originalName)}` : ""}
                    </span>
                  </span>
                  <Button
                    size="small"
                    disabled={reading}
                    aria-label={p.removeLabel(e.name)}
                    onClick={() => replaceEntries(entries.filter((x) => x.identity !== e.identity))}
                  >
                    {p.remove}
                  </Button>
                </li>
              ))}
            </ul>
            {entries.length > 1 ? (
              <div>
                <Button size="small" disabled={reading} onClick={() => replaceEntries([])}>
                  {p.removeAll}
                </Button>
              </div>
            ) : null}
          </>
        ) : null}
        {failed.length > 0 ? (
          <MessageBar intent="error" layout="multiline" role="alert">
            <MessageBarBody>
              <MessageBarTitle>{p.fileErrorsTitle}</MessageBarTitle>
              <ProblemList problems={failed.map((e) => e.problem!)} language={language} />
              <p className={styles.note}>{p.fileErrorsHelp}</p>
            </MessageBarBody>
          </MessageBar>
        ) : null}
        {unread.length > 0 ? (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              {p.ambiguousSheets(
                unread.map((a) => `“${a.sheet}”`).join(", "),
                [...new Set(unread.flatMap((a) => a.files))].join(", ")
              )}
            </MessageBarBody>
          </MessageBar>
        ) : null}
      </section>

      {session ? (
        <div className={styles.pane}>
          <Pane key={generation} actions={session.actions} strings={PANE_STRINGS} language={language} header={false} />
        </div>
      ) : null}

      <footer className={styles.card}>
        <h2 className={styles.heading}>{p.elsewhereTitle}</h2>
        <p className={styles.note}>{p.elsewhereBody}</p>
        <p className={styles.note}>{p.version(version)}</p>
      </footer>
    </div>
  );
}
