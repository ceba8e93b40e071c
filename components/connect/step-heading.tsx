/**
 * Where the end user is in the connect flow (credential → site → done), and the step's own
 * heading: each state of the form is announced and titled for itself, not under the first one's.
 */
export function StepHeading({
  step,
  title,
  intro,
}: {
  step: string;
  title: string;
  intro?: string;
}) {
  return (
    <div className="mb-6">
      <p className="text-xs font-medium tracking-wide text-slate-600 uppercase dark:text-slate-300">
        {step}
      </p>
      <h1 className="mt-1 text-xl font-semibold">{title}</h1>
      {intro ? <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">{intro}</p> : null}
    </div>
  );
}
