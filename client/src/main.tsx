// Entry point: mounts the sign-in screen when a visit starts at /sign-in, else the app. Each is a
// chunk of its own, so signing in does not download the app (see app/sign-in/SignInScreen.tsx).
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
if (window.location.pathname === '/sign-in') {
  void import('./app/sign-in/SignInScreen.js').then(({ mountSignIn }) => mountSignIn(root));
} else {
  void import('./app/AppRoot.js').then(({ mountApp }) => mountApp(root));
}
