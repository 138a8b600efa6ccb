import { Runtime } from '@temporalio/worker';
import { installTemporalRuntime } from '../../temporal/runtime';

// One Temporal runtime per jest worker process; it may already exist when jest reuses the process.
try {
  installTemporalRuntime('WARN');
} catch {
  void Runtime.instance();
}
