// Shown by the sign-in page only in development (import.meta.env.DEV): production builds drop it.
export const DEMO_EMAIL = 'demo@example.com';
export const DEMO_PASSWORD = 'demo-password';

/** The account `make dev` seeds (flask seed), so a first visit needs no registration. */
export function DemoHint() {
  return (
    <aside className="notice demo-hint" aria-label="Demo account">
      <p>
        Development: sign in as <strong>{DEMO_EMAIL}</strong> with the password{' '}
        <strong>{DEMO_PASSWORD}</strong>.
      </p>
    </aside>
  );
}
