/** The page's table of contents: a link to each section, by its anchor. */
export function SettingsNav({ sections }: { sections: readonly { id: string; label: string }[] }) {
  return (
    <nav aria-labelledby="settings-nav-heading" className="mt-4">
      <h2 id="settings-nav-heading" className="sr-only">
        Sections
      </h2>
      <ul className="flex flex-wrap gap-2 text-sm">
        {sections.map((section) => (
          <li key={section.id}>
            <a
              href={`#${section.id}`}
              className="inline-block rounded-full border border-slate-300 px-3 py-1 text-slate-700 hover:bg-slate-100 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800"
            >
              {section.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
