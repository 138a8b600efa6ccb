// Every workflow the worker runs. This module and its imports are bundled into the workflow sandbox,
// so nothing here may use Node built-ins, I/O, or non-deterministic APIs.
export { signInWorkflow } from './sign-in';
