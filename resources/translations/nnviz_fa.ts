<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>Health</name>
    <message>
        <source>healthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vanishing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exploding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>saturated</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lesson</name>
    <message>
        <source>XOR needs a hidden layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The XOR pattern cannot be separated by one straight line, so a network without hidden layers (logistic regression) stays near 50% accuracy. One hidden layer of eight tanh units bends the decision boundary and solves it within a few hundred steps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test accuracy climbing to 100% while the no-hidden-layer run stays at chance; each hidden neuron&apos;s heatmap draws one straight edge, and the output combines them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no hidden layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linear layers collapse into one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stacking layers without a nonlinearity gives a product of matrices, which is again one matrix. However deep, this network is a linear model: its boundary is a straight line and it cannot enclose the circle. The same three layers with tanh activations fit it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The boundary stays a straight line and the accuracy near 55%; in the tanh run it closes around the circle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tanh activations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step units cannot learn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The binary step was the first neuron model, but its derivative is zero everywhere. Backprop multiplies by that zero, so no gradient reaches the weights into the step layer and they never change: only the output layer learns, and XOR stays unsolved. Sigmoid units, a smooth step, learn it in the same 300 steps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>During backward the edges into the step layer stay grey (zero gradient) and the health strip flags that layer vanishing; its weights never move.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sigmoid units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A learning rate too small</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each update moves the weights by the learning rate times the gradient. With a rate of 0.0005 the loss creeps down so slowly that after 400 steps almost nothing is learned; at 0.1 the same net fits the circle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The nearly flat loss curve; the update-to-weight ratio far below 1e-3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>learning rate 0.1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A learning rate too large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With a rate too large each update overshoots the minimum and lands higher on the other side. At 5.0 the loss jumps up and down and ends above where it started; the weights grow until the tanh units saturate, and the net learns nothing. At 0.1 the same net fits the circle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The loss curve jumping up and down instead of falling; the health strip turning to saturated and vanishing as the weights grow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vanishing gradients in a deep sigmoid net</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sigmoid&apos;s derivative is at most 0.25, and backprop multiplies by one such factor (and by the weights) at every layer. Through eight hidden layers the gradient reaching the first layer is a few millionths of the output layer&apos;s, so the first layers barely learn and the net stays at chance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gradient-norm plot: lines for the first layers orders of magnitude below the last; the health strip flags the first six layers vanishing; deltas fade toward the input during backward.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exploding gradients from large initial weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When weights start too large, every layer multiplies the error signal by more than one on the way back. Here the initial weights are 2.5 times He&apos;s, and the deltas grow about a hundredfold from the output to the first layer. The first update is huge, the next gradients are larger still, and within a few steps the numbers overflow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>During backward the deltas growing toward the input and the first layer flagged exploding; then the loss shooting up and the run diverging (NaN) within five steps. Compare with gradient clipping.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gradient clipping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix: ReLU with He initialisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ReLU&apos;s derivative is 1 for active units, and He initialisation scales the weights so the signal keeps its size through each layer. The deep net of the vanishing lesson (same data, same eight hidden layers, same training) now learns in every layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gradient-norm lines close together; the health strip green; test accuracy near 97% where the sigmoid net stays at 50%.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sigmoid, Xavier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix: batch normalisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch norm re-centres and re-scales each layer&apos;s pre-activations over the mini-batch, keeping the sigmoid units in their steep middle range and rescaling the gradient on the way back. The same deep sigmoid net, with the same training, now learns in every layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare the gradient-norm lines with the vanishing lesson: now they stay together, and the test accuracy leaves 50%.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>without batch norm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix: residual connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A residual connection adds a layer&apos;s input to its output, a = f(z) + x, so the gradient has a path that skips every multiplication by a small derivative. The same deep sigmoid net with residual connections learns the circle at a learning rate of 1.5; without them it stays at chance even at that rate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first layers&apos; gradients staying within reach of the last layers&apos;; the health strip green; test accuracy above 90% after about 150 steps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>without residuals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix: gradient clipping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clipping rescales the whole gradient whenever its global norm exceeds a limit (here 2), so one huge gradient cannot throw the weights far away. The net of the exploding-init lesson starts with the same huge gradients, but its capped steps bring them down, and it trains instead of diverging.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The global gradient norm starting far above the limit and falling below it; the loss going down and staying finite; without clipping the run diverges within five steps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no clipping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dropout against overfitting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A large network trained on a few noisy points memorises them: the training loss falls toward zero while the test loss climbs. Dropout silences a random half of the hidden units in each step, so no unit can rely on another, and the gap between the curves shrinks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gap between the train and test loss curves, with and without dropout; without it the boundary wraps around single noisy points.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no dropout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L2 regularisation against overfitting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The L2 penalty adds rate x sum(w^2) to the loss, so every update also shrinks the weights. The boundary stays smooth instead of wrapping around each noisy point: the test loss stays close to the training loss, and the test accuracy is higher than without the penalty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The train/test gap and the smoother boundary, with and without the penalty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no penalty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Early stopping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When a model starts to overfit, the test loss reaches a minimum and turns up while the training loss keeps falling. Stopping at that minimum keeps the best model; here it comes within the first hundred steps, and the test loss climbs for the rest of the run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The marker at the best test loss, long before the end of training; turn on early stopping to halt there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Three classes with softmax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A softmax output turns three scores into probabilities that sum to one; cross-entropy pushes up the probability of the right class. The spiral&apos;s three arms need a curved boundary, which two hidden layers of 32 ReLU units learn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The three colored regions winding along the arms; the output neurons&apos; probabilities.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regression: house price from size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predicting a number instead of a class: one input (the size), one linear output (the price), and the mean squared error. Without hidden layers this is linear regression trained by gradient descent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The prediction line settling on the data, and the loss falling to the noise level.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handwritten digits: what the first layer learns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each first-layer neuron has 64 weights, one per pixel of an 8x8 digit: drawn as an image they show the strokes the neuron responds to. One hidden layer of 32 tanh units reaches over 95% test accuracy on the ten digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first-layer weight images turning from noise into stroke detectors; the confusion matrix.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
