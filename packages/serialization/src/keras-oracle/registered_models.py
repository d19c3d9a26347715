"""Keras twins of registered-models.ts: the same registered names, configs and attributes."""
import keras


@keras.saving.register_keras_serializable(package="strata_test")
class ResidualMlp(keras.Model):
    def __init__(self, units=4, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.hidden = keras.layers.Dense(units)
        self.proj = keras.layers.Dense(units, use_bias=False)
        self.head = keras.layers.Dense(2)

    def call(self, x):
        return self.head(keras.ops.relu(self.hidden(x)) + self.proj(x))

    def get_config(self):
        return {**super().get_config(), "units": self.units}


@keras.saving.register_keras_serializable(package="strata_test")
class SequenceClassifier(keras.Model):
    def __init__(self, units=3, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.encoder = keras.layers.LSTM(units)
        self.classifier = keras.layers.Dense(2, activation="softmax")

    def call(self, x):
        return self.classifier(self.encoder(x))

    def get_config(self):
        return {**super().get_config(), "units": self.units}
