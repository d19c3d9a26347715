// The `callbacks` namespace, as keras.callbacks: the Callback base class, the built-in callbacks and the
// types of what they receive. TensorBoard writes through a log sink: files in Node, memory anywhere.
// A TypeScript namespace, not `import * as`: the bundled .d.ts then declares it as it is, each class both a
// value and a type (rollup-plugin-dts rebuilds `import * as` namespaces from values alone).
import * as T from '@strata/training';

export namespace callbacks {
  export const Callback = T.Callback;
  export type Callback = T.Callback;
  export const CallbackList = T.CallbackList;
  export type CallbackList = T.CallbackList;
  export const logTensors = T.logTensors;
  export const History = T.History;
  export type History = T.History;
  export const ProgressBar = T.ProgressBar;
  export type ProgressBar = T.ProgressBar;
  export const EarlyStopping = T.EarlyStopping;
  export type EarlyStopping = T.EarlyStopping;
  export const ModelCheckpoint = T.ModelCheckpoint;
  export type ModelCheckpoint = T.ModelCheckpoint;
  export const ReduceLROnPlateau = T.ReduceLROnPlateau;
  export type ReduceLROnPlateau = T.ReduceLROnPlateau;
  export const LearningRateScheduler = T.LearningRateScheduler;
  export type LearningRateScheduler = T.LearningRateScheduler;
  export const CSVLogger = T.CSVLogger;
  export type CSVLogger = T.CSVLogger;
  export const TerminateOnNaN = T.TerminateOnNaN;
  export type TerminateOnNaN = T.TerminateOnNaN;
  export const BackupAndRestore = T.BackupAndRestore;
  export type BackupAndRestore = T.BackupAndRestore;
  export const LambdaCallback = T.LambdaCallback;
  export type LambdaCallback = T.LambdaCallback;
  export const TensorBoard = T.TensorBoard;
  export type TensorBoard = T.TensorBoard;
  export const EventFileWriter = T.EventFileWriter;
  export type EventFileWriter = T.EventFileWriter;
  export const MemoryLogSink = T.MemoryLogSink;
  export type MemoryLogSink = T.MemoryLogSink;
  export const NodeLogSink = T.NodeLogSink;
  export type NodeLogSink = T.NodeLogSink;
  export type Logs = T.Logs;
  export type BatchLogs = T.BatchLogs;
  export type CallbackParams = T.CallbackParams;
  export type TrainingContext = T.TrainingContext;
  export type FitHistory = T.FitHistory;
  export type ProgressBarArgs = T.ProgressBarArgs;
  export type ProgressStream = T.ProgressStream;
  export type EarlyStoppingArgs = T.EarlyStoppingArgs;
  export type ModelCheckpointArgs = T.ModelCheckpointArgs;
  export type ReduceLROnPlateauArgs = T.ReduceLROnPlateauArgs;
  export type BackupAndRestoreArgs = T.BackupAndRestoreArgs;
  export type LambdaCallbackArgs = T.LambdaCallbackArgs;
  export type TensorBoardArgs = T.TensorBoardArgs;
  export type LogSink = T.LogSink;
}
