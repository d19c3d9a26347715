export {
  Callback,
  monitorMode,
  type Logs,
  type BatchLogs,
  type CallbackParams,
  type TrainingContext,
} from './callback';
export { CallbackList, lazyLogs, logTensors } from './callback-list';
export { History, type FitHistory } from './history';
export { ProgressBar, formatTimePerStep, formatValue, type ProgressBarArgs, type ProgressStream } from './progress-bar';
export { EarlyStopping, type EarlyStoppingArgs } from './early-stopping';
export { ModelCheckpoint, formatPath, type ModelCheckpointArgs } from './model-checkpoint';
export { ReduceLROnPlateau, type ReduceLROnPlateauArgs } from './reduce-lr-on-plateau';
export { LearningRateScheduler } from './learning-rate-scheduler';
export { CSVLogger } from './csv-logger';
export { TerminateOnNaN } from './terminate-on-nan';
export { BackupAndRestore, type BackupAndRestoreArgs } from './backup-and-restore';
export { LambdaCallback, type LambdaCallbackArgs } from './lambda-callback';
export { TensorBoard, type TensorBoardArgs } from './tensorboard';
export { EventFileWriter, MemoryLogSink, NodeLogSink, type LogSink } from './tensorboard/event-file-writer';
export { readEventFile, type ReadEvent, type ReadSummary } from './tensorboard/read-events';
export { histogramBuckets } from './tensorboard/summaries';
export { maskedCrc32c, frameRecord, readRecords } from './tensorboard/tfrecord';
