// The `callbacks` namespace, as keras.callbacks: the Callback base class, the built-in callbacks and the
// types of what they receive. TensorBoard writes through a log sink: files in Node, memory anywhere.
// A TypeScript namespace, not `import * as`: the bundled .d.ts then declares it as it is, each class both a
// value and a type (rollup-plugin-dts rebuilds `import * as` namespaces from values alone).
import {
  Callback as Callback_,
  CallbackList as CallbackList_,
  logTensors as logTensors_,
  History as History_,
  ProgressBar as ProgressBar_,
  EarlyStopping as EarlyStopping_,
  ModelCheckpoint as ModelCheckpoint_,
  ReduceLROnPlateau as ReduceLROnPlateau_,
  LearningRateScheduler as LearningRateScheduler_,
  CSVLogger as CSVLogger_,
  TerminateOnNaN as TerminateOnNaN_,
  BackupAndRestore as BackupAndRestore_,
  LambdaCallback as LambdaCallback_,
  TensorBoard as TensorBoard_,
  EventFileWriter as EventFileWriter_,
  MemoryLogSink as MemoryLogSink_,
  NodeLogSink as NodeLogSink_,
} from '@strata/training';
import type {
  Logs as Logs_,
  BatchLogs as BatchLogs_,
  CallbackParams as CallbackParams_,
  TrainingContext as TrainingContext_,
  FitHistory as FitHistory_,
  ProgressBarArgs as ProgressBarArgs_,
  ProgressStream as ProgressStream_,
  EarlyStoppingArgs as EarlyStoppingArgs_,
  ModelCheckpointArgs as ModelCheckpointArgs_,
  ReduceLROnPlateauArgs as ReduceLROnPlateauArgs_,
  BackupAndRestoreArgs as BackupAndRestoreArgs_,
  LambdaCallbackArgs as LambdaCallbackArgs_,
  TensorBoardArgs as TensorBoardArgs_,
  LogSink as LogSink_,
} from '@strata/training';

export namespace callbacks {
  export const Callback = Callback_;
  export type Callback = Callback_;
  export const CallbackList = CallbackList_;
  export type CallbackList = CallbackList_;
  export const logTensors = logTensors_;
  export const History = History_;
  export type History = History_;
  export const ProgressBar = ProgressBar_;
  export type ProgressBar = ProgressBar_;
  export const EarlyStopping = EarlyStopping_;
  export type EarlyStopping = EarlyStopping_;
  export const ModelCheckpoint = ModelCheckpoint_;
  export type ModelCheckpoint = ModelCheckpoint_;
  export const ReduceLROnPlateau = ReduceLROnPlateau_;
  export type ReduceLROnPlateau = ReduceLROnPlateau_;
  export const LearningRateScheduler = LearningRateScheduler_;
  export type LearningRateScheduler = LearningRateScheduler_;
  export const CSVLogger = CSVLogger_;
  export type CSVLogger = CSVLogger_;
  export const TerminateOnNaN = TerminateOnNaN_;
  export type TerminateOnNaN = TerminateOnNaN_;
  export const BackupAndRestore = BackupAndRestore_;
  export type BackupAndRestore = BackupAndRestore_;
  export const LambdaCallback = LambdaCallback_;
  export type LambdaCallback = LambdaCallback_;
  export const TensorBoard = TensorBoard_;
  export type TensorBoard = TensorBoard_;
  export const EventFileWriter = EventFileWriter_;
  export type EventFileWriter = EventFileWriter_;
  export const MemoryLogSink = MemoryLogSink_;
  export type MemoryLogSink = MemoryLogSink_;
  export const NodeLogSink = NodeLogSink_;
  export type NodeLogSink = NodeLogSink_;
  export type Logs = Logs_;
  export type BatchLogs = BatchLogs_;
  export type CallbackParams = CallbackParams_;
  export type TrainingContext = TrainingContext_;
  export type FitHistory = FitHistory_;
  export type ProgressBarArgs = ProgressBarArgs_;
  export type ProgressStream = ProgressStream_;
  export type EarlyStoppingArgs = EarlyStoppingArgs_;
  export type ModelCheckpointArgs = ModelCheckpointArgs_;
  export type ReduceLROnPlateauArgs = ReduceLROnPlateauArgs_;
  export type BackupAndRestoreArgs = BackupAndRestoreArgs_;
  export type LambdaCallbackArgs = LambdaCallbackArgs_;
  export type TensorBoardArgs = TensorBoardArgs_;
  export type LogSink = LogSink_;
}
