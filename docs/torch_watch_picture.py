"""The README's picture of watcher.show(): a deep sigmoid MLP trained by a plain PyTorch loop.

Run: QT_QPA_PLATFORM=offscreen python docs/torch_watch_picture.py  (writes docs/torch-watch.png)
"""

from pathlib import Path

import torch
from torch import nn

from nnviz.torch import watch

torch.manual_seed(0)
layers = [nn.Linear(2, 12), nn.Sigmoid()]
for _ in range(5):
    layers += [nn.Linear(12, 12), nn.Sigmoid()]
model = nn.Sequential(*layers, nn.Linear(12, 1))
optimizer = torch.optim.SGD(model.parameters(), lr=0.5)
X = torch.randn(256, 2)
y = (X[:, :1] * X[:, 1:] > 0).float()

watcher = watch(model)
window = watcher.show()
for step in range(150):
    optimizer.zero_grad()
    loss = nn.functional.binary_cross_entropy_with_logits(model(X), y)
    loss.backward()
    optimizer.step()
    watcher.step(loss=loss)
window.resize(1280, 720)
window.refresh()
window.grab().save(str(Path(__file__).with_name("torch-watch.png")))
print(watcher.health[-1])
