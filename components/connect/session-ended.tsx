const MESSAGES = {
  expired: {
    title: "This link has expired",
    body: "Connect links work for 30 minutes. Go back to the app that sent you here and start again to get a new one.",
  },
  invalid: {
    title: "This link is not valid",
    body: "The link is incomplete or was not issued by this Latch. Go back to the app that sent you here and start again.",
  },
  spent: {
    title: "Already connected",
    body: "This link has already been used to connect an account. Go back to the app that sent you here if you need to connect another.",
  },
} as const;

export function SessionEnded({
  reason,
  site,
}: {
  reason: keyof typeof MESSAGES;
  site?: { name: string; url: string } | null;
}) {
  const message = MESSAGES[reason];
  return (
    <div role="status">
      <h2 className="text-xl font-semibold">{message.title}</h2>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">{message.body}</p>
      {site ? (
        <p className="mt-2 text-sm">
          Connected site: <span className="font-medium">{site.name}</span> ({site.url})
        </p>
      ) : null}
    </div>
  );
}
