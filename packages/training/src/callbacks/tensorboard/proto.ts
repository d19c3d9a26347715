import protobuf from 'protobufjs';

// Vendored from TensorBoard's copies of TensorFlow's protos (tensorboard/compat/proto/: event.proto,
// summary.proto, histogram.proto, tensor.proto, tensor_shape.proto, types.proto, graph.proto,
// node_def.proto, versions.proto), trimmed to the messages and fields these writers use; field
// numbers and types are unchanged, so the bytes are what TensorFlow writes.
//
// Copyright 2015 The TensorFlow Authors. All Rights Reserved.
// Licensed under the Apache License, Version 2.0 (the "License"); you may not use these definitions
// except in compliance with the License. You may obtain a copy of the License at
// http://www.apache.org/licenses/LICENSE-2.0
// Unless required by applicable law or agreed to in writing, software distributed under the License
// is distributed on an "AS IS" BASIS, WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express
// or implied. See the License for the specific language governing permissions and limitations.
const TENSORBOARD_PROTO = `
syntax = "proto3";
package tensorboard;

enum DataType { DT_INVALID = 0; DT_FLOAT = 1; DT_DOUBLE = 2; DT_INT32 = 3; DT_STRING = 7; DT_INT64 = 9; }

message TensorShapeProto {
  message Dim { int64 size = 1; string name = 2; }
  repeated Dim dim = 2;
  bool unknown_rank = 3;
}

message TensorProto {
  DataType dtype = 1;
  TensorShapeProto tensor_shape = 2;
  int32 version_number = 3;
  bytes tensor_content = 4;
  repeated float float_val = 5 [packed = true];
  repeated double double_val = 6 [packed = true];
  repeated int32 int_val = 7 [packed = true];
  repeated bytes string_val = 8;
}

message HistogramProto {
  double min = 1;
  double max = 2;
  double num = 3;
  double sum = 4;
  double sum_squares = 5;
  repeated double bucket_limit = 6 [packed = true];
  repeated double bucket = 7 [packed = true];
}

enum DataClass { DATA_CLASS_UNKNOWN = 0; DATA_CLASS_SCALAR = 1; DATA_CLASS_TENSOR = 2; DATA_CLASS_BLOB_SEQUENCE = 3; }

message SummaryMetadata {
  message PluginData { string plugin_name = 1; bytes content = 2; }
  PluginData plugin_data = 1;
  string display_name = 2;
  string summary_description = 3;
  DataClass data_class = 4;
}

message Summary {
  message Value {
    string node_name = 7;
    string tag = 1;
    SummaryMetadata metadata = 9;
    oneof value {
      float simple_value = 2;
      HistogramProto histo = 5;
      TensorProto tensor = 8;
    }
  }
  repeated Value value = 1;
}

message Event {
  double wall_time = 1;
  int64 step = 2;
  oneof what {
    string file_version = 3;
    bytes graph_def = 4;
    Summary summary = 5;
  }
}

message VersionDef { int32 producer = 1; int32 min_consumer = 2; repeated int32 bad_consumers = 3; }

message NodeDef {
  string name = 1;
  string op = 2;
  repeated string input = 3;
  string device = 4;
}

message GraphDef {
  repeated NodeDef node = 1;
  VersionDef versions = 4;
}
`;

export interface TensorBoardTypes {
  readonly Event: protobuf.Type;
  readonly GraphDef: protobuf.Type;
}

let types: TensorBoardTypes | null = null;

/** The message types, parsed once on first use (keepCase: field names as in the .proto). */
export function tensorBoardTypes(): TensorBoardTypes {
  if (!types) {
    const root = protobuf.parse(TENSORBOARD_PROTO, { keepCase: true }).root;
    types = { Event: root.lookupType('tensorboard.Event'), GraphDef: root.lookupType('tensorboard.GraphDef') };
  }
  return types;
}
